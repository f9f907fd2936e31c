import { Alert, Button, Card, Form, Input, List, Radio, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useClient, useMutation } from 'urql';
import { clearDraft, loadDraft, saveDraft } from '../auth/session';
import type { IssueScope, ProblemDomain, WebSimilarIssuesQuery } from '../gql/graphql';
import { describeError } from '../graphql/errors';
import { SimilarIssuesQuery, SubmitIssueMutation } from '../graphql/operations';
import { StatusTag } from '../shared/common';
import { ALL_DOMAINS, DOMAIN_LABEL, SCOPE_LABEL } from '../shared/labels';
import { formatDate, formatDateTime } from '../shared/time';

interface Draft {
  title?: string;
  description?: string;
  categories?: ProblemDomain[];
  scope?: IssueScope;
}

const DRAFT = 'raise-appeal';

/**
 * 提诉求: fill in, see the appeals the graph finds alike (follow one instead, or submit anyway),
 * then the confirmation with the appeal number. What is typed is kept as a draft until sent.
 */
export default function RaiseAppeal() {
  const [form] = Form.useForm<Draft>();
  const client = useClient();
  const navigate = useNavigate();
  const [similar, setSimilar] = useState<WebSimilarIssuesQuery['similarIssues'] | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{ id: string; no: string; firstResponseDue: string } | null>(
    null,
  );
  const [{ fetching: submitting }, submit] = useMutation(SubmitIssueMutation);

  const check = async () => {
    const v = await form.validateFields();
    setChecking(true);
    setProblem(null);
    const result = await client
      .query(SimilarIssuesQuery, {
        title: v.title ?? '',
        description: v.description ?? '',
        categories: v.categories ?? [],
      })
      .toPromise();
    setChecking(false);
    if (result.error) setProblem(describeError(result.error));
    else setSimilar(result.data?.similarIssues ?? []);
  };

  const send = async () => {
    const v = form.getFieldsValue(true) as Draft;
    const result = await submit({
      input: {
        title: v.title ?? '',
        description: v.description ?? '',
        categories: v.categories ?? [],
        scope: v.scope ?? 'INDIVIDUAL',
      },
    });
    if (result.error) setProblem(describeError(result.error));
    else if (result.data) {
      clearDraft(DRAFT);
      setSubmitted(result.data.submitIssue);
    }
  };

  if (submitted)
    return (
      <Result
        status="success"
        title="诉求已提交"
        subTitle={
          <span>
            诉求编号{' '}
            <Typography.Text strong copyable>
              {submitted.no}
            </Typography.Text>
            ，将于 {formatDateTime(submitted.firstResponseDue)} 前受理。
          </span>
        }
        extra={[
          <Button key="view" type="primary" onClick={() => navigate(`/portal/appeals/${submitted.id}`)}>
            查看诉求
          </Button>,
          <Button key="list" onClick={() => navigate('/portal')}>
            返回我的诉求
          </Button>,
        ]}
      />
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        提诉求
      </Typography.Title>
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scope: 'INDIVIDUAL', ...loadDraft<Draft>(DRAFT) }}
          onValuesChange={(_, all) => {
            saveDraft(DRAFT, all);
            setSimilar(null);
          }}
        >
          <Form.Item
            name="title"
            label="标题"
            rules={[
              { required: true, message: '请填写标题' },
              { min: 4, message: '标题至少 4 个字' },
            ]}
          >
            <Input maxLength={100} showCount aria-label="标题" placeholder="一句话说明遇到的问题" />
          </Form.Item>
          <Form.Item
            name="description"
            label="问题描述"
            rules={[
              { required: true, message: '请描述问题' },
              { min: 10, message: '请至少写 10 个字' },
            ]}
          >
            <Input.TextArea rows={5} maxLength={2000} showCount aria-label="问题描述" />
          </Form.Item>
          <Form.Item
            name="categories"
            label="问题类别"
            rules={[{ required: true, message: '请至少选择一个类别' }]}
          >
            <Select
              mode="multiple"
              aria-label="问题类别"
              options={ALL_DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABEL[d] }))}
            />
          </Form.Item>
          <Form.Item name="scope" label="问题性质">
            <Radio.Group
              options={(Object.keys(SCOPE_LABEL) as IssueScope[]).map((s) => ({
                value: s,
                label: SCOPE_LABEL[s],
              }))}
            />
          </Form.Item>
          {!similar && (
            <Button type="primary" loading={checking} onClick={() => void check()}>
              下一步：查看相似诉求
            </Button>
          )}
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon message={problem} role="alert" />}
      {similar && (
        <Card title={similar.length ? '这些诉求可能与您要提交的相同' : '没有发现相似的诉求'}>
          {similar.length > 0 && (
            <>
              <Typography.Paragraph type="secondary">
                如果是同一个问题，可直接查看并跟进已有诉求，不必重复提交。
              </Typography.Paragraph>
              <List
                dataSource={similar}
                renderItem={(s) => (
                  <List.Item
                    actions={[
                      <Link
                        key="follow"
                        to={`/portal/appeals/${s.issue.id}`}
                        onClick={() => clearDraft(DRAFT)}
                      >
                        跟进此诉求
                      </Link>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          <span>{s.issue.title}</span>
                          <StatusTag status={s.issue.status} />
                          {s.sameEnterprise && <Typography.Text type="warning">可能重复</Typography.Text>}
                        </Space>
                      }
                      description={`${s.issue.no} · ${formatDate(s.issue.submittedAt)} 提交 · 相似度 ${Math.round(s.score * 100)}%${
                        s.issue.leadDepartment ? ` · ${s.issue.leadDepartment.name}` : ''
                      }`}
                    />
                  </List.Item>
                )}
              />
            </>
          )}
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={submitting} onClick={() => void send()}>
              {similar.length ? '仍然提交新诉求' : '提交诉求'}
            </Button>
            <Button onClick={() => setSimilar(null)}>返回修改</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
