// One place for how Kaona's scripts and tests start Debian's Chromium (see TOOLCHAIN.md):
// headless, no sandbox (CI runs as root), no background networking (the network is closed).
const fs = require("node:fs");

function chromiumExecutable() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error("Chromium not found: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.");
  }
  return found;
}

function chromiumLaunchOptions() {
  // Playwright gives every launch a fresh, empty profile of its own.
  return {
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}

module.exports = { chromiumExecutable, chromiumLaunchOptions };
