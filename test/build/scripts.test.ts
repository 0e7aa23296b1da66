/**
 * The project scripts: npm start/stop choose a path that works on the platform, usage data is
 * turned off without a network, the webpack config needs no certificates to build and rewrites
 * manifest URLs only to https, and the icon generator writes real PNGs.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { planStart, webInstructions } from "../../scripts/start";
import { planStop, stopDevServer } from "../../scripts/stop";
import { withUsageDataOff } from "../../scripts/usage-data-off";
import { crc32, encodePng, ICON_SIZES, renderIcon } from "../../scripts/make-icons";
import { validateManifest } from "../../scripts/validate-manifest";

const ROOT = path.resolve(__dirname, "../..");

describe("npm start", () => {
  it.each(["linux", "freebsd", "openbsd"])("on %s runs the https dev server for Excel on the web (no desktop sideloading)", (platform) => {
    expect(planStart(platform)).toEqual({ target: "web", tool: "webpack", args: ["serve", "--mode", "development"] });
  });

  it.each(["win32", "darwin"])("on %s sideloads into desktop Excel with office-addin-debugging", (platform) => {
    expect(planStart(platform)).toEqual({
      target: "desktop",
      tool: "office-addin-debugging",
      args: ["start", "manifest.xml", "desktop", "--app", "excel"],
    });
  });

  it("on Linux with a workbook URL lets office-addin-debugging sideload into that workbook on the web", () => {
    const url = "https://contoso.sharepoint.com/:x:/r/Book.xlsx";
    expect(planStart("linux", { documentUrl: url })).toEqual({
      target: "web-document",
      tool: "office-addin-debugging",
      args: ["start", "manifest.xml", "web", "--app", "excel", "--document", url],
    });
  });

  it("a workbook URL does not change the desktop path on Windows", () => {
    expect(planStart("win32", { documentUrl: "https://x" }).target).toBe("desktop");
  });

  it("explains how to upload the manifest to Excel on the web, with the dev server URL", () => {
    const text = webInstructions("linux", 3000, "/project/manifest.xml");
    expect(text).toContain("https://localhost:3000/taskpane.html");
    expect(text).toContain("Upload My Add-in");
    expect(text).toContain("/project/manifest.xml");
  });
});

describe("npm stop", () => {
  it("mirrors npm start on each platform", () => {
    expect(planStop("darwin")).toEqual({ target: "desktop", tool: "office-addin-debugging", args: ["stop", "manifest.xml", "desktop"] });
    expect(planStop("linux", { documentUrl: "https://x" })).toEqual({
      target: "web-document",
      tool: "office-addin-debugging",
      args: ["stop", "manifest.xml", "web"],
    });
    expect(planStop("linux")).toMatchObject({ target: "web" });
  });

  it("says so when no dev server was started", () => {
    expect(stopDevServer(path.join(os.tmpdir(), `no-such-${process.pid}.pid`))).toMatch(/No development server/);
  });

  it("does not kill an unrelated process whose id is in a stale pid file", async () => {
    const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stop-")), "dev.pid");
    fs.writeFileSync(pidFile, String(unrelated.pid));
    try {
      expect(stopDevServer(pidFile)).toMatch(/already stopped/);
      expect(unrelated.exitCode).toBeNull();
      expect(fs.existsSync(pidFile)).toBe(false);
    } finally {
      unrelated.kill();
    }
  });
});

describe("usage data off", () => {
  it("writes usageDataLevel off for the office-addin tools into an empty settings file", () => {
    expect(withUsageDataOff(undefined)).toEqual({ usageDataInstances: { "office-addin-usage-data": { usageDataLevel: "off" } } });
  });

  it("keeps other groups and settings and overrides an earlier 'on'", () => {
    const existing = {
      usageDataInstances: { "office-addin-usage-data": { usageDataLevel: "on", other: 1 }, "generator-office": { usageDataLevel: "on" } },
      extra: true,
    };
    expect(withUsageDataOff(existing)).toEqual({
      usageDataInstances: { "office-addin-usage-data": { usageDataLevel: "off", other: 1 }, "generator-office": { usageDataLevel: "on" } },
      extra: true,
    });
  });
});

describe("webpack config", () => {
  type Pattern = { from: string; transform?: (content: Buffer) => string };
  type Config = { devServer?: unknown; plugins: { constructor: { name: string }; patterns?: Pattern[] }[] };
  const webpackConfig = require("../../webpack.config.js") as ((env: object, argv: object) => Promise<Config>) & {
    productionUrl(value?: string): string;
  };
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  async function manifestTransform(env: Record<string, string | undefined>, mode: string) {
    const saved = process.env.ADDIN_URL;
    if (env.ADDIN_URL === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = env.ADDIN_URL;
    try {
      const config = await webpackConfig({ WEBPACK_BUILD: true }, { mode });
      const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin")!;
      const pattern = copy.patterns!.find((p) => p.from === "manifest.xml")!;
      return { config, transform: pattern.transform! };
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  }

  it("a build has no dev server, so it needs no certificates", async () => {
    const { config } = await manifestTransform({}, "production");
    expect(config.devServer).toBeUndefined();
  });

  it("production with ADDIN_URL rewrites every dev URL in the manifest, and the result still validates", async () => {
    const { transform } = await manifestTransform({ ADDIN_URL: "https://kommun.example.se/socinv" }, "production");
    const built = transform(Buffer.from(manifest));
    expect(built).not.toMatch(/https?:\/\/localhost/);
    expect(built).toContain('DefaultValue="https://kommun.example.se/socinv/functions.json"');
    expect(built).toContain('Value="https://kommun.example.se/socinv/functions.sv-SE.json"');
    expect(validateManifest(built)).toEqual([]);
  });

  it("production without ADDIN_URL, and development, keep the localhost URLs", async () => {
    expect((await manifestTransform({}, "production")).transform(Buffer.from(manifest))).toBe(manifest);
    expect((await manifestTransform({ ADDIN_URL: "https://x.se/" }, "development")).transform(Buffer.from(manifest))).toBe(manifest);
  });

  it("accepts only an https ADDIN_URL and adds the trailing slash", () => {
    expect(webpackConfig.productionUrl("https://x.se/a")).toBe("https://x.se/a/");
    expect(webpackConfig.productionUrl("https://x.se/")).toBe("https://x.se/");
    expect(webpackConfig.productionUrl("")).toBe("https://localhost:3000/");
    expect(() => webpackConfig.productionUrl("http://x.se/")).toThrow(/https/);
    expect(() => webpackConfig.productionUrl("x.se")).toThrow(/not a URL/);
  });
});

describe("icon generator", () => {
  it("computes the PNG CRC-32 (check value of '123456789' is 0xCBF43926)", () => {
    expect(crc32(Buffer.from("123456789", "ascii"))).toBe(0xcbf43926);
  });

  it("encodes pixels that decode back unchanged", () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4]);
    const png = encodePng(2, 2, rgba);
    const idat = png.indexOf("IDAT");
    const length = png.readUInt32BE(idat - 4);
    const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + length));
    // Each row: filter byte 0, then 2 pixels × 4 bytes.
    expect(raw).toEqual(Buffer.concat([Buffer.from([0]), rgba.subarray(0, 8), Buffer.from([0]), rgba.subarray(8)]));
    expect(png.subarray(png.length - 12, png.length - 8).readUInt32BE(0)).toBe(0); // IEND has no data
  });

  it("draws an opaque blue coin in the middle and leaves the corners transparent", () => {
    const size = 64;
    const pixels = renderIcon(size);
    const at = (x: number, y: number) => [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(size - 1, size - 1)[3]).toBe(0);
    const edgeOfCoin = at(size / 2, 5); // inside the rim, above the bars and the arrow
    expect(edgeOfCoin[3]).toBe(255);
    expect(edgeOfCoin[2]).toBeGreaterThan(edgeOfCoin[0]); // blue dominates
  });

  it("the committed icons are what the generator draws", () => {
    for (const size of ICON_SIZES) {
      const committed = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(committed.equals(encodePng(size, size, renderIcon(size)))).toBe(true);
    }
  });
});
