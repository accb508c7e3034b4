import { excelSafe, isExcelErrorLike, kpiError, KpiError, plainError } from "./errors";

describe("kpiError", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("builds an error with Excel's code and the message outside Excel", () => {
    const error = kpiError("notAvailable", "ไม่พบโครงการ / not found");
    expect(error).toBeInstanceOf(KpiError);
    expect(error).toMatchObject({ code: "#N/A", message: "ไม่พบโครงการ / not found" });
    expect(kpiError("invalidValue", "x").code).toBe("#VALUE!");
    // @ts-expect-error Excel drops messages on #DIV/0!, so the type refuses one.
    kpiError("divisionByZero", "x");
  });

  it("builds #DIV/0! and #NUM! without a message, which Excel would not show", () => {
    expect(plainError("divisionByZero")).toMatchObject({ code: "#DIV/0!", message: "" });
    expect(plainError("invalidNumber").code).toBe("#NUM!");
  });

  it("uses CustomFunctions.Error when Excel provides it", () => {
    class FakeCustomFunctionsError {
      constructor(
        readonly code: string,
        readonly message?: string
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: FakeCustomFunctionsError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
      },
    };
    const error = kpiError("notAvailable", "missing");
    expect(error).toBeInstanceOf(FakeCustomFunctionsError);
    expect(error).toMatchObject({ code: "#N/A", message: "missing" });
    const plain = plainError("divisionByZero");
    expect(plain).toBeInstanceOf(FakeCustomFunctionsError);
    expect(plain).toEqual({ code: "#DIV/0!", message: undefined });
  });
});

describe("excelSafe", () => {
  it("passes values and Excel errors through", () => {
    expect(excelSafe(() => 42)).toBe(42);
    const original = kpiError("notAvailable", "gone");
    let thrown: unknown;
    try {
      excelSafe(() => {
        throw original;
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(original);
  });

  it("turns any other exception into #VALUE! with its message", () => {
    let thrown: unknown;
    try {
      excelSafe(() => {
        throw new TypeError("boom");
      });
    } catch (error) {
      thrown = error;
    }
    expect(isExcelErrorLike(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("boom") });
  });

  it("recognises only Excel error codes", () => {
    expect(isExcelErrorLike({ code: "#N/A" })).toBe(true);
    expect(isExcelErrorLike({ code: "#REF!" })).toBe(true);
    expect(isExcelErrorLike({ code: "#SPILL!" })).toBe(true);
    expect(isExcelErrorLike({ code: "ENOENT" })).toBe(false);
    expect(isExcelErrorLike(null)).toBe(false);
    expect(isExcelErrorLike("#N/A")).toBe(false);
  });
});
