import type WebpackDevServer from "webpack-dev-server";

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __KAONA_DEV_SERVER__?: WebpackDevServer }).__KAONA_DEV_SERVER__;
  await server?.stop();
}
