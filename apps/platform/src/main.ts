#!/usr/bin/env node
import { startStack, type RunningStack } from './stack';

/** `npm start`: the embedded platform, demo city seeded on first start, until Ctrl-C. */
async function main(): Promise<void> {
  const t0 = Date.now();
  // Ctrl-C while starting (migrating, seeding) waits for a consistent point, then stops; a
  // second Ctrl-C a moment later exits at once.
  let earlySignal: string | undefined;
  let earlyAt = 0;
  const onEarlySignal = (signal: string) => {
    if (earlySignal && Date.now() - earlyAt > 1500) process.exit(130);
    earlySignal ??= signal;
    earlyAt = Date.now();
    process.stdout.write(`\n${signal}: 启动完成后停止 / stopping once started…\n`);
  };
  process.on('SIGINT', onEarlySignal);
  process.on('SIGTERM', onEarlySignal);
  let stack: RunningStack | undefined;
  // A subgraph worker that keeps dying: say so, stop what runs, exit non-zero.
  const onFatal = (err: Error) => {
    process.stderr.write(`\n致命错误 / fatal: ${err.message}\n`);
    const stopping = stack ? stack.stop() : Promise.resolve();
    void stopping.finally(() => process.exit(1));
  };
  try {
    stack = await startStack({}, process.env, undefined, { onFatal });
  } catch (err) {
    process.stderr.write(`启动失败 / failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  } finally {
    process.off('SIGINT', onEarlySignal);
    process.off('SIGTERM', onEarlySignal);
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `  助企服务平台已启动 / platform ready in ${seconds} s${stack.seeded ? ` (seeded ${stack.seeded} demo enterprises)` : ''}`,
      // The default address users know; the gateway listens on the loopback interface.
      `  网页 / web app: ${stack.url.replace('//127.0.0.1:', '//localhost:').replace(/graphql$/, '')}`,
      `  GraphQL: ${stack.url.replace('//127.0.0.1:', '//localhost:')}`,
      `  子图 / subgraphs: ${stack.gateway.subgraphs.map((s) => `${s.name} ${s.url}`).join(', ')}`,
      `  演示令牌 / demo tokens: ${stack.tokensFile}`,
      '  Ctrl-C 停止 / to stop',
      '',
    ].join('\n') + '\n',
  );
  const running = stack;
  let stoppingSince = 0;
  const stop = (signal: string) => {
    // npm forwards the terminal's Ctrl-C too, so one keypress can arrive twice: only a
    // second press a moment later forces the exit.
    if (stoppingSince) {
      if (Date.now() - stoppingSince < 1500) return;
      process.stderr.write('forced exit\n');
      process.exit(130);
    }
    stoppingSince = Date.now();
    process.stdout.write(`\n${signal}: 正在停止 / stopping…\n`);
    void running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (earlySignal) stop(earlySignal);
}

void main();
