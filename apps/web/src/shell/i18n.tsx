import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** The shell's words in both languages; the pages themselves are zh-CN (the graph's data is). */
const WORDS = {
  zh: {
    title: '助企服务平台',
    portal: '企业端',
    desk: '部门工作台',
    myAppeals: '我的诉求',
    raise: '提诉求',
    board: '交办看板',
    signOffs: '待我签批',
    signIn: '登录',
    signOut: '退出',
    language: 'English',
    signedInAs: '当前用户',
  },
  en: {
    title: 'Enterprise Service Platform',
    portal: 'Enterprise portal',
    desk: 'Handling desk',
    myAppeals: 'My appeals',
    raise: 'Raise an appeal',
    board: 'Dispatch board',
    signOffs: 'Awaiting my sign-off',
    signIn: 'Sign in',
    signOut: 'Sign out',
    language: '中文',
    signedInAs: 'Signed in as',
  },
} as const;

export type Lang = keyof typeof WORDS;
type Words = (typeof WORDS)[Lang];

const LangContext = createContext<{ lang: Lang; t: Words; toggle: () => void }>({
  lang: 'zh',
  t: WORDS.zh,
  toggle: () => undefined,
});

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('sfw.lang') === 'en' ? 'en' : 'zh'));
  const value = useMemo(
    () => ({
      lang,
      t: WORDS[lang],
      toggle: () =>
        setLang((l) => {
          const next = l === 'zh' ? 'en' : 'zh';
          localStorage.setItem('sfw.lang', next);
          document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
          return next;
        }),
    }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);
