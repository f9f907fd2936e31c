import { Alert, Button, Card, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { homeOf, setSession, type Session } from '../auth/session';
import { useLang } from '../shell/i18n';

/** One demo user as the development endpoint (`GET /dev/demo-users`) lists it. */
export interface DemoUser {
  key: string;
  /** The role as people say it: 企业联络员, 科室负责人 … */
  roleLabel: string;
  name: string;
  roles: string[];
  token: string;
  enterpriseId?: string;
  departmentId?: string;
  regionCode?: string;
  /** Who signs off refusals: SECTION_CHIEF, LEADER_IN_CHARGE or DEPARTMENT_HEAD. */
  signOffRole?: string;
}

/** Only a path of this app may be the place to come back to (never another origin). */
export const safeNext = (next: string | null): string | null =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : null;

/**
 * Development sign-in: the demo users by role, their tokens from the gateway's development-only
 * endpoint. In production the endpoint does not exist and this page says so.
 */
export function SignIn() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t, toggle } = useLang();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    let live = true;
    fetch('/dev/demo-users', { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!live) return;
        if (res.status === 404) setProblem('本环境未开放演示账号登录（生产环境请使用统一身份认证登录）。');
        else if (!res.ok) setProblem('演示账号暂不可用，请确认平台已启动（npm start）。');
        else setUsers(((await res.json()) as { users: DemoUser[] }).users);
      })
      .catch(() => live && setProblem('无法连接服务，请确认平台已启动。'));
    return () => {
      live = false;
    };
  }, []);

  const signIn = (u: DemoUser) => {
    const session: Session = {
      token: u.token,
      key: u.key,
      name: u.name,
      roles: u.roles,
      enterpriseId: u.enterpriseId,
      departmentId: u.departmentId,
      regionCode: u.regionCode,
      signOffRole: u.signOffRole,
    };
    setSession(session);
    navigate(next ?? homeOf(session), { replace: true });
  };

  return (
    <main style={{ maxWidth: 640, margin: '40px auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t.title} · {t.signIn}
        </Typography.Title>
        <Button size="small" onClick={toggle} aria-label="切换语言 / switch language">
          {t.language}
        </Button>
      </Space>
      {next && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message="登录已失效，请重新登录；登录后回到刚才的页面，已填写的内容会保留。"
        />
      )}
      <Card style={{ marginTop: 16 }} title="演示账号（仅开发环境）">
        {problem && <Alert type="warning" showIcon message={problem} />}
        {!problem && !users && <Spin aria-label="加载中" />}
        {users && (
          <List
            dataSource={users}
            renderItem={(u) => (
              <List.Item
                actions={[
                  <Button
                    key="go"
                    type="primary"
                    onClick={() => signIn(u)}
                    aria-label={`以${u.roleLabel}身份登录`}
                  >
                    登录
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag color="blue">{u.roleLabel}</Tag>
                      {u.name}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </main>
  );
}
