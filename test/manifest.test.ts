/**
 * @jest-environment jsdom
 *
 * The offline check of manifest.xml (Microsoft's validator needs the network). jsdom's
 * DOMParser reads the XML; the browser test checks that the build serves every URL.
 */
import fs from "node:fs";
import path from "node:path";
import { REQUIRED_EXCEL_API } from "../src/app/host";
import { CUSTOM_FUNCTIONS_RUNTIME, ERROR_CODES_OF_RUNTIME_1_2 } from "../src/functions/errors";

const ROOT = path.resolve(__dirname, "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (localName: string): Element[] => Array.from(doc.getElementsByTagNameNS("*", localName));
const one = (localName: string): Element => {
  const found = all(localName);
  expect(found).toHaveLength(1);
  return found[0];
};

test("the manifest is well-formed XML of a task pane app for Excel", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
  expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
  expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
  expect(one("Permissions").textContent).toBe("ReadWriteDocument");
});

test("its Id is a GUID", () => {
  expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
});

test("every resid resolves to a resource of the right kind", () => {
  const resources = new Map<string, string>();
  for (const kind of ["Image", "Url", "String"]) {
    for (const element of all(kind)) {
      const id = element.getAttribute("id");
      if (id && element.parentElement?.localName !== "Icon") resources.set(id, kind);
    }
  }
  const residUsers = Array.from(doc.querySelectorAll("*")).filter((element) => element.hasAttribute("resid"));
  expect(residUsers.length).toBeGreaterThan(10);
  const unresolved = residUsers.map((e) => e.getAttribute("resid")).filter((id) => !id || !resources.has(id));
  expect(unresolved).toEqual([]);
  // Ids are unique across the resources.
  const ids = [...all("Image"), ...all("Url"), ...all("String")].map((e) => e.getAttribute("id")).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
});

test("every URL is https on the dev server's origin, and each icon file exists at its size", () => {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  urls.push(...all("AppDomain").map((e) => e.textContent ?? ""));
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  const icons = urls.filter((url) => url.includes("/assets/"));
  expect(icons.length).toBeGreaterThanOrEqual(4);
  for (const url of icons) {
    const [, size] = /icon-(\d+)\.png$/.exec(url) ?? [];
    const png = fs.readFileSync(path.join(ROOT, new URL(url).pathname));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
  }
});

test("one shared runtime with a long lifetime serves the task pane, the functions and the ribbon", () => {
  const runtime = one("Runtime");
  expect(runtime.getAttribute("lifetime")).toBe("long");
  const shared = runtime.getAttribute("resid");
  expect(shared).toBe("Taskpane.Url");
  const functions = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions");
  expect(functions).toBeDefined();
  const pageSource = functions?.getElementsByTagNameNS("*", "Page")[0]?.getElementsByTagNameNS("*", "SourceLocation")[0];
  expect(pageSource?.getAttribute("resid")).toBe(shared);
  expect(one("FunctionFile").getAttribute("resid")).toBe(shared);
  const action = one("Action");
  expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
  expect(action.getElementsByTagNameNS("*", "SourceLocation")[0].getAttribute("resid")).toBe(shared);
});

test("the functions' namespace is KPI and Thai Excel gets Thai metadata", () => {
  const namespace = one("Namespace").getAttribute("resid");
  const namespaceString = all("String").find((e) => e.getAttribute("id") === namespace);
  expect(namespaceString?.getAttribute("DefaultValue")).toBe("KPI");
  const metadata = all("Url").find((e) => e.getAttribute("id") === "Functions.Metadata.Url");
  expect(metadata?.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
  const thai = metadata?.getElementsByTagNameNS("*", "Override")[0];
  expect(thai?.getAttribute("Locale")).toBe("th-TH");
  expect(thai?.getAttribute("Value")).toMatch(/\/functions\.th-TH\.json$/);
});

test("the ribbon button sits on the Home tab", () => {
  expect(one("OfficeTab").getAttribute("id")).toBe("TabHome");
  expect(one("Control").getAttribute("xsi:type")).toBe("Button");
});

test("names and texts a person reads have Thai overrides", () => {
  const displayName = one("DisplayName");
  const thaiName = Array.from(displayName.children).find((e) => e.getAttribute("Locale") === "th-TH");
  expect([displayName.getAttribute("DefaultValue"), thaiName?.getAttribute("Value")]).toEqual(["Kaona", "ก้าวหน้า"]);
  const description = Array.from(doc.documentElement.children).find((e) => e.localName === "Description");
  if (!description) throw new Error("no top-level Description");
  expect(Array.from(description.children).some((e) => e.getAttribute("Locale") === "th-TH")).toBe(true);
  const strings = all("String").filter((e) => e.getAttribute("id") !== "Functions.Namespace");
  expect(strings.length).toBeGreaterThanOrEqual(5);
  for (const string of strings) {
    const override = Array.from(string.children).find((e) => e.getAttribute("Locale") === "th-TH");
    expect({ id: string.getAttribute("id"), thai: /[\u0E00-\u0E7F]/.test(override?.getAttribute("Value") ?? "") }).toEqual({
      id: string.getAttribute("id"),
      thai: true,
    });
  }
});

test("the requirement sets match what the code checks at run time", () => {
  const sets = Object.fromEntries(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
  expect(sets).toEqual({
    SharedRuntime: "1.1",
    ExcelApi: REQUIRED_EXCEL_API,
    CustomFunctionsRuntime: CUSTOM_FUNCTIONS_RUNTIME,
  });
});

test("the functions use nothing of CustomFunctionsRuntime above the declared 1.2", () => {
  // Where 1.3 is missing, a VersionOverrides requiring it drops the ribbon, the functions and
  // the shared runtime all at once: the set must be no higher than what the code uses.
  expect(CUSTOM_FUNCTIONS_RUNTIME).toBe("1.2");
  const dir = path.join(ROOT, "src", "functions");
  const source = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => fs.readFileSync(path.join(dir, file), "utf8"))
    .join("\n");
  const members = new Set([...source.matchAll(/CustomFunctions\.(\w+)/g)].map((m) => m[1]));
  expect([...members].sort()).toEqual(["Error", "ErrorCode", "associate"]);
  const codes = new Set(
    [...source.matchAll(/(?:MESSAGE|PLAIN)_ERROR_CODES = \{([^}]*)\}/g)].flatMap((m) =>
      [...m[1].matchAll(/(\w+):/g)].map((key) => key[1])
    )
  );
  expect(codes.size).toBe(4);
  for (const code of codes) expect(ERROR_CODES_OF_RUNTIME_1_2).toContain(code);
});

test("`office-addin-manifest info` reads the manifest offline", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
  const out = execFileSync(process.execPath, [path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js"), "info", "manifest.xml"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(out).toContain("Id: 6d07c29b-0961-4756-8991-74dc5a5447a6");
  expect(out).toContain("Permissions: ReadWriteDocument");
});
