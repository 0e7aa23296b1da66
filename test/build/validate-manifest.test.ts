/**
 * The offline manifest check (`npm run validate`): the real manifest passes, and each kind of
 * mistake that breaks sideloading is reported.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXCEL_API_MIN_VERSION, OFFICE_APP_ORDER, validateManifest } from "../../scripts/validate-manifest";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/validate-manifest.js");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** Replaces exactly one occurrence, so a test cannot silently check an unchanged manifest. */
function edit(xml: string, find: string | RegExp, replacement: string): string {
  const count = typeof find === "string" ? xml.split(find).length - 1 : (xml.match(new RegExp(find, "g")) ?? []).length;
  if (count !== 1) throw new Error(`expected one match of ${String(find)}, found ${count}`);
  return xml.replace(find, replacement);
}

function expectProblem(xml: string, pattern: RegExp): void {
  const problems = validateManifest(xml);
  expect(problems.some((p) => pattern.test(p))).toBe(true);
}

describe("the real manifest", () => {
  it("passes every offline check", () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it("passes from the command line with exit code 0", () => {
    const run = spawnSync(process.execPath, [SCRIPT, path.join(ROOT, "manifest.xml")], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/manifest OK/);
  });
});

describe("well-formedness", () => {
  it("rejects a manifest that is not well-formed XML (mismatched end tag)", () => {
    expectProblem(edit(manifest, "</Permissions>", "</Permission>"), /not well-formed/);
  });

  it("rejects a truncated manifest", () => {
    expectProblem(manifest.slice(0, manifest.indexOf("<VersionOverrides")), /not well-formed/);
  });

  it("rejects an unescaped ampersand", () => {
    expectProblem(edit(manifest, "<ProviderName>Sociala investeringar</ProviderName>", "<ProviderName>A & B</ProviderName>"), /not well-formed/);
  });

  it("rejects an empty file", () => {
    expect(validateManifest("").length).toBeGreaterThan(0);
  });
});

describe("element order (OfficeApp schema sequence)", () => {
  it("follows the TaskPaneApp order Id … Requirements, DefaultSettings, Permissions, VersionOverrides", () => {
    const order = [...OFFICE_APP_ORDER];
    expect(order.indexOf("Id")).toBeLessThan(order.indexOf("Version"));
    expect(order.indexOf("SupportUrl")).toBeLessThan(order.indexOf("AppDomains"));
    expect(order.indexOf("Requirements")).toBeLessThan(order.indexOf("DefaultSettings"));
    expect(order.indexOf("Permissions")).toBeLessThan(order.indexOf("VersionOverrides"));
  });

  it("rejects Permissions placed before DefaultSettings", () => {
    const settings = manifest.match(/\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>/)![0];
    const permissions = manifest.match(/\s*<Permissions>.*<\/Permissions>/)![0];
    const swapped = edit(manifest, settings + permissions, permissions + settings);
    expectProblem(swapped, /<DefaultSettings> must come before <Permissions>/);
  });

  it("rejects Version placed before Id", () => {
    const id = manifest.match(/\s*<Id>.*<\/Id>/)![0];
    const version = manifest.match(/\s*<Version>.*<\/Version>/)![0];
    expectProblem(edit(manifest, id + version, version + id), /<Id> must come before <Version>/);
  });

  it("rejects a missing required element (Permissions)", () => {
    expectProblem(edit(manifest, /\s*<Permissions>.*<\/Permissions>/, ""), /required element <Permissions> is missing/);
  });

  it("rejects Resources before Hosts inside VersionOverrides", () => {
    const vo = manifest.match(/(<VersionOverrides[^>]*>)(\s*<Hosts>[\s\S]*?<\/Hosts>)(\s*<Resources>[\s\S]*?<\/Resources>)/)!;
    expectProblem(edit(manifest, vo[0], vo[1] + vo[3] + vo[2]), /VersionOverrides: <Hosts> must come before <Resources>/);
  });
});

describe("resources", () => {
  it("rejects a resid that no resource defines", () => {
    expectProblem(edit(manifest, '<Label resid="SocinvGroup.Label"/>', '<Label resid="Missing.Label"/>'), /resid "Missing\.Label".*not defined/);
  });

  it("rejects a resid that points into the wrong collection (a label from bt:Urls)", () => {
    expectProblem(edit(manifest, '<Label resid="SocinvGroup.Label"/>', '<Label resid="Taskpane.Url"/>'), /must refer to bt:ShortStrings/);
  });

  it("rejects an id defined twice", () => {
    expectProblem(
      edit(manifest, '<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="Taskpane.Url"'),
      /id "Taskpane\.Url" is defined more than once/,
    );
  });

  it("rejects a resource id longer than 32 characters", () => {
    const long = "Functions.Metadata.Url.ThatIsFarTooLong";
    const xml = manifest.split('"Functions.Metadata.Url"').join(`"${long}"`);
    expectProblem(xml, /longer than 32 characters/);
  });
});

describe("https only", () => {
  it("rejects an http URL for the functions script", () => {
    expectProblem(
      edit(manifest, 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'),
      /"http:\/\/localhost:3000\/functions\.js".*must use https/,
    );
  });

  it("rejects an http URL inside a locale override", () => {
    expectProblem(
      edit(manifest, 'Value="https://localhost:3000/functions.sv-SE.json"', 'Value="http://localhost:3000/functions.sv-SE.json"'),
      /must use https/,
    );
  });

  it("rejects a relative icon URL", () => {
    expectProblem(edit(manifest, '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="assets/icon-32.png"/>'), /must use https/);
  });

  it("does not mistake the XML namespace declarations (http://schemas…) for URLs", () => {
    expect(validateManifest(manifest).filter((p) => p.includes("schemas.microsoft.com"))).toEqual([]);
  });
});

describe("what this add-in needs", () => {
  it("rejects a namespace other than SOCINV", () => {
    expectProblem(edit(manifest, 'id="Functions.Namespace" DefaultValue="SOCINV"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), /namespace must be SOCINV/);
  });

  it("rejects any permission other than ReadWriteDocument", () => {
    expectProblem(edit(manifest, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadAllDocument</Permissions>"), /expected exactly ReadWriteDocument/);
  });

  it("rejects a functions metadata URL without the sv-SE override", () => {
    expectProblem(edit(manifest, /\s*<bt:Override Locale="sv-SE" Value="https:\/\/localhost:3000\/functions\.sv-SE\.json"\/>/, ""), /sv-SE/);
  });

  it("rejects a TaskpaneId under the long-lived shared runtime", () => {
    expectProblem(edit(manifest, '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>ButtonId1</TaskpaneId>'), /no <TaskpaneId>/);
  });

  it("rejects a runtime that is not long-lived", () => {
    expectProblem(edit(manifest, 'lifetime="long"', 'lifetime="short"'), /lifetime must be "long"/);
  });

  it("rejects a missing SharedRuntime requirement", () => {
    expectProblem(edit(manifest, /\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>/, ""), /SharedRuntime/);
  });

  it("rejects a missing or different ExcelApi requirement", () => {
    expectProblem(edit(manifest, /\s*<Set Name="ExcelApi" MinVersion="1.8"\/>/, ""), /"ExcelApi" MinVersion="1.8"\/> is missing/);
    expectProblem(edit(manifest, '<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.4"/>'), /ExcelApi MinVersion must be 1.8/);
  });

  it("requires the ExcelApi version that the task pane's Excel code uses, no more, no less", () => {
    // Members of the Excel API the pane may use, with the requirement set that introduced them.
    const SINCE: [RegExp, string][] = [
      [/\.dataValidation\b/, "1.8"],
      [/\.protection\b/, "1.7"],
      [/\.freezePanes\b/, "1.7"],
      [/\.setXAxisValues\(|\.setValues\(/, "1.7"],
      [/\.conditionalFormats\b/, "1.6"],
      [/\.getItemOrNullObject\(|\.settings\b/, "1.4"],
      [/\.columnWidth\b/, "1.2"],
    ];
    const folder = path.join(ROOT, "src/taskpane/excel");
    const code = fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), "utf8")).join("\n");
    const used = SINCE.filter(([member]) => member.test(code)).map(([, version]) => version);
    const newest = used.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).pop();
    expect(newest).toBe(EXCEL_API_MIN_VERSION);
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${EXCEL_API_MIN_VERSION}"/>`);
  });

  it("rejects a user-visible string without Swedish", () => {
    expectProblem(edit(manifest, /\s*<Override Locale="sv-SE" Value="Sociala investeringar för Excel"\/>/, ""), /DisplayName: no <Override Locale="sv-SE">/);
  });

  it("has a GUID id", () => {
    expectProblem(edit(manifest, /<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"), /is not a GUID/);
  });
});

describe("command line", () => {
  it("prints each problem and exits 1", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "bad.xml");
    fs.writeFileSync(file, edit(manifest, 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'));
    const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/must use https/);
    expect(run.stderr).toMatch(/1 problem/);
  });
});
