import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasRole, setSession } from '../auth/session';
import { useSession } from '../auth/use-session';
import { useLang } from './i18n';

/** The frame of every signed-in page: the workspace's menu, the user, the language switch. */
export function Shell({ workspace }: { workspace: 'portal' | 'desk' }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { t, toggle } = useLang();
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  const enterprise = hasRole(session, 'enterprise');
  if (workspace === 'desk' && enterprise) return <Navigate to="/portal" replace />;
  if (workspace === 'portal' && !enterprise) return <Navigate to="/desk" replace />;
  const items =
    workspace === 'portal'
      ? [
          { key: '/portal', label: <Link to="/portal">{t.myAppeals}</Link> },
          { key: '/portal/new', label: <Link to="/portal/new">{t.raise}</Link> },
        ]
      : [
          { key: '/desk', label: <Link to="/desk">{t.board}</Link> },
          // 待我签批: only for the people who sign off refusals in their department.
          ...(session.signOffRole && session.departmentId
            ? [{ key: '/desk/sign-offs', label: <Link to="/desk/sign-offs">{t.signOffs}</Link> }]
            : []),
        ];
  const selected = items.filter((i) => location.pathname === i.key).map((i) => i.key);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 16,
          height: 56,
          lineHeight: '56px',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t.title} · {workspace === 'portal' ? t.portal : t.desk}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected}
          items={items}
          style={{ flex: 1, minWidth: 0 }}
          aria-label={workspace === 'portal' ? t.portal : t.desk}
        />
        <Space size="small">
          <Typography.Text style={{ color: '#ddd' }} className="shell-user" aria-label={t.signedInAs}>
            {session.name}
          </Typography.Text>
          <Button size="small" onClick={toggle} aria-label="切换语言 / switch language">
            {t.language}
          </Button>
          <Button
            size="small"
            onClick={() => {
              setSession(null);
              navigate('/signin');
            }}
          >
            {t.signOut}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content
        style={{
          padding: 16,
          maxWidth: workspace === 'portal' ? 960 : 1400,
          width: '100%',
          margin: '0 auto',
        }}
      >
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
