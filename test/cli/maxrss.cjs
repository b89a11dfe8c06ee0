// Preloaded into a child process by the memory tests: reports the process's peak RSS on exit (KB).
process.on("exit", () => {
  process.stderr.write(`\nMAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
