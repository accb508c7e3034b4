import { detectHost, openedByOffice } from "./officeHost";

type OfficeStub = {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  HostType: { Excel: string };
  context: {
    displayLanguage: string;
    officeTheme: { bodyBackgroundColor: string };
    requirements: { isSetSupported(name: string, version: string): boolean };
  };
};

/** An office.js whose onReady answers when `answer` is called (or never). */
function installOffice(): { answer(host: string | null): void } {
  let resolve: (info: { host: string | null; platform: string | null }) => void = () => {};
  const ready = new Promise<{ host: string | null; platform: string | null }>((r) => (resolve = r));
  const stub: OfficeStub = {
    onReady: () => ready,
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: "th-TH",
      officeTheme: { bodyBackgroundColor: "#ffffff" },
      requirements: { isSetSupported: (name, version) => name === "ExcelApi" && version === "1.9" },
    },
  };
  (globalThis as { Office?: unknown }).Office = stub;
  return { answer: (host) => resolve({ host, platform: host ? "PC" : null }) };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.useRealTimers();
});

describe("detectHost", () => {
  it("tells a page Office opened from a plain browser by the query Office adds", () => {
    expect(openedByOffice("?_host_Info=Excel$Win32$16.01$th-TH$$$$0")).toBe(true);
    expect(openedByOffice("?lang=th&_host_Info=Excel$Web$16.00$en-US")).toBe(true);
    expect(openedByOffice("")).toBe(false);
    expect(openedByOffice("?host_Info=x")).toBe(false);
  });

  it("takes a plain browser whose office.js never answers for the preview, after the timeout", async () => {
    jest.useFakeTimers();
    installOffice();
    const onSlow = jest.fn();
    const host = detectHost(10_000, { search: "", onSlow });
    await jest.advanceTimersByTimeAsync(10_000);
    await expect(host).resolves.toMatchObject({ kind: "preview" });
    expect(onSlow).not.toHaveBeenCalled();
  });

  it("inside Excel, a slow start is reported and waited for, never turned into the sample", async () => {
    jest.useFakeTimers();
    const office = installOffice();
    const onSlow = jest.fn();
    let settled = false;
    const host = detectHost(10_000, { search: "?_host_Info=Excel$Win32$16.01$th-TH", onSlow });
    void host.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(onSlow).toHaveBeenCalledTimes(1);
    expect(settled).toBe(false);
    office.answer("Excel");
    await expect(host).resolves.toEqual({
      kind: "excel",
      displayLanguage: "th-TH",
      darkTheme: false,
      excelApiSupported: true,
    });
  });

  it("reports which Excel, platform and build Office.context.diagnostics gives", async () => {
    // (The start's timeout timer stays fake, never left running after the test.)
    jest.useFakeTimers();
    const office = installOffice();
    const stub = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
    stub.context.diagnostics = { host: "Excel", platform: "Mac", version: "16.89.1" };
    office.answer("Excel");
    await expect(detectHost(10_000, { search: "" })).resolves.toMatchObject({
      kind: "excel",
      office: { application: "Excel", platform: "Mac", version: "16.89.1" },
    });
  });
});
