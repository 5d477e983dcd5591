// nginx from Debian's packages in front of app instances, with the configuration a deployment
// would use (deploy/nginx/access-monitor.conf), in a temporary folder, in the foreground.
import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface LoadBalancer {
  base: string;
  stop: () => Promise<void>;
}

/** nginx on the PATH, or where Debian puts it (/usr/sbin is not on every user's PATH); null when absent. */
export function nginxPath(): string | null {
  return ["nginx", "/usr/sbin/nginx"].find((candidate) => spawnSync(candidate, ["-v"], { stdio: "ignore" }).status === 0) ?? null;
}

/** Whether nginx is installed (`.ci/run` installs Debian's nginx-light). */
export const hasNginx = () => nginxPath() !== null;

export async function startLoadBalancer(port: number, upstreams: string[]): Promise<LoadBalancer> {
  const prefix = await mkdtemp(path.join(os.tmpdir(), "access-monitor-nginx-"));
  await mkdir(path.join(prefix, "tmp"), { recursive: true });
  const template = await readFile(path.join(ROOT, "deploy/nginx/access-monitor.conf"), "utf8");
  const servers = upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=5s;`).join("\n    ");
  await writeFile(path.join(prefix, "nginx.conf"), template.replace("{{LISTEN}}", `127.0.0.1:${port}`).replace("{{UPSTREAMS}}", servers));
  const nginx = nginxPath();
  if (!nginx) throw new Error("nginx is not installed (apt-get install nginx-light)");
  const child = spawn(nginx, ["-p", prefix, "-c", "nginx.conf"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
    const up = await fetch(`${base}/api/health`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 100) throw new Error(`nginx did not answer: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
