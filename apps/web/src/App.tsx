import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { getSession, homeOf } from './auth/session';
import { Shell } from './shell/Shell';
import { SignIn } from './signin/SignIn';

// One chunk per workspace: an enterprise on a phone never downloads the desk.
const MyAppeals = lazy(() => import('./portal/MyAppeals'));
const RaiseAppeal = lazy(() => import('./portal/RaiseAppeal'));
const AppealPage = lazy(() => import('./portal/AppealPage'));
const Board = lazy(() => import('./desk/Board'));
const HandlingPage = lazy(() => import('./desk/HandlingPage'));
const SignOffQueue = lazy(() => import('./desk/SignOffQueue'));

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} aria-label="加载中" />}>
    {node}
  </Suspense>
);

function Home() {
  const session = getSession();
  return <Navigate to={session ? homeOf(session) : '/signin'} replace />;
}

export const router = createBrowserRouter([
  { path: '/', element: <Home /> },
  { path: '/signin', element: <SignIn /> },
  {
    path: '/portal',
    element: <Shell workspace="portal" />,
    children: [
      { index: true, element: page(<MyAppeals />) },
      { path: 'new', element: page(<RaiseAppeal />) },
      { path: 'appeals/:id', element: page(<AppealPage />) },
    ],
  },
  {
    path: '/desk',
    element: <Shell workspace="desk" />,
    children: [
      { index: true, element: page(<Board />) },
      { path: 'appeals/:id', element: page(<HandlingPage />) },
      { path: 'sign-offs', element: page(<SignOffQueue />) },
    ],
  },
  { path: '*', element: <Result status="404" title="页面不存在" /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
