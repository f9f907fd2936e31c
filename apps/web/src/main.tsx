import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider as UrqlProvider } from 'urql';
import { App, router } from './App';
import { createGraphClient } from './graphql/client';
import { LangProvider, useLang } from './shell/i18n';
import './styles.css';

const client = createGraphClient({
  // A production build sends trusted-document hashes only; the dev server sends the text too.
  hashOnly: import.meta.env.PROD,
  onUnauthenticated: () => {
    const here = window.location.pathname + window.location.search;
    if (!here.startsWith('/signin')) void router.navigate(`/signin?next=${encodeURIComponent(here)}`);
  },
});

function Root() {
  const { lang } = useLang();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1d4ed8' } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <UrqlProvider value={client}>
          <App />
        </UrqlProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <LangProvider>
        <Root />
      </LangProvider>
    </StrictMode>,
  );
