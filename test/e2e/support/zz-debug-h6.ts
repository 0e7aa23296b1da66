import { launchChromium, openPane, startServer } from "./browser";
(async () => {
  const server = await startServer(); const browser = await launchChromium();
  const width = Number(process.argv[2] ?? 320); const lang = process.argv[3] ?? "sv-SE"; const scheme = (process.argv[4] ?? "light") as "light" | "dark";
  const s = await openPane(browser, server.url, { displayLanguage: lang, width, colorScheme: scheme });
  await s.page.waitForSelector("#workbook-status-text");
  const action = process.argv[5];
  if (action === "example") { await s.page.click("#build-example"); await s.page.waitForSelector(".message.success"); }
  if (action === "problems") { await s.page.fill("#years", "x"); await s.page.fill("#projects-0-disbursements", "1 2 3 4 5 6 7 8 9 10 11"); await s.page.click("#build-model"); await s.page.waitForSelector(".message.error"); }
  const height = await s.page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < height; y += 700, i++) {
    await s.page.screenshot({ path: `/tmp/h6-shots/${width}-${lang}-${scheme}-${action ?? "form"}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(700, height - y) } });
  }
  console.log(s.pageErrors, s.blocked, height);
  await browser.close(); await server.close();
})();
