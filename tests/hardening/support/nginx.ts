import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real Debian nginx on 127.0.0.1, in the foreground, unprivileged: when the tests run as root the
 * process is started as `nobody`; its pid, logs and temp folders live in a temporary folder.
 * The server block is the operator's part (listen, root); everything else is the generated config.
 */
export const NGINX_BIN = "/usr/sbin/nginx";

export interface RunningNginx {
  origin: string;
  port: number;
  /** User id the master process runs as (never root). */
  uid: () => Promise<number>;
  errorLog: () => Promise<string>;
  stop: () => Promise<void>;
}

export function nginxAvailable(): boolean {
  return spawnSync(NGINX_BIN, ["-v"]).status === 0;
}

/**
 * `root`: the server's root folder, `siteDir` by default; a site served under a path has a root of
 * its own, where the site is found under that path (docs/publishing.md).
 */
export async function startNginx(siteDir: string, { root = siteDir }: { root?: string } = {}): Promise<RunningNginx> {
  const prefix = await mkdtemp(path.join(os.tmpdir(), "boletines-nginx-"));
  for (const d of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) await mkdir(path.join(prefix, d));
  const asNobody = process.getuid?.() === 0;
  const nobody = { uid: 65534, gid: 65534 };
  const port = await freePort();
  const conf = `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${siteDir}/nginx/redirects.conf;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include ${siteDir}/nginx/site.conf;
  }
}
`;
  await writeFile(path.join(prefix, "nginx.conf"), conf);
  if (asNobody) {
    await chmod(prefix, 0o755);
    for (const d of ["", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) await chown(path.join(prefix, d), nobody.uid, nobody.gid);
  }
  const args = ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log")];
  const test = spawnSync(NGINX_BIN, [...args, "-t", "-q"], { encoding: "utf8", ...(asNobody ? nobody : {}) });
  if (test.status !== 0) {
    await rm(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t rejected the configuration:\n${test.stderr}`);
  }
  const child: ChildProcess = spawn(NGINX_BIN, args, { stdio: ["ignore", "ignore", "pipe"], ...(asNobody ? nobody : {}) });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForPort(port, child, () => stderr);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    uid: async () => Number(/^Uid:\s+(\d+)/m.exec(await readFile(`/proc/${child.pid}/status`, "utf8"))?.[1]),
    errorLog: () => readFile(path.join(prefix, "error.log"), "utf8").catch(() => ""),
    stop: async () => {
      if (child.exitCode === null) {
        // SIGQUIT: graceful shutdown of the master and its worker.
        child.kill("SIGQUIT");
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Readiness: nginx prints nothing when it is listening, so connect until it accepts (bounded). */
async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nginx did not listen on ${port}: ${stderr()}`);
}
