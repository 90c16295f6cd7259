// Preloaded into a server process by `BENCH_CPU_PROF=<dir> npm run bench` (via NODE_OPTIONS
// --import; Node 20 does not accept --cpu-prof there). Profiles the whole process with the
// in-process inspector and writes <dir>/server-<pid>.cpuprofile when it exits. Plain JS so it loads
// before any TypeScript loader.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  // An in-process session answers synchronously, so this completes inside the exit handler.
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
