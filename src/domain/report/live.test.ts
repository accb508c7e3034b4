import { columnRef, countSpellings, exactCriterion } from "./live";

describe("live formula pieces", () => {
  it("escapes structured references and criteria", () => {
    expect(columnRef("KaonaRounds", "ความก้าวหน้าของงาน (%)")).toBe(
      "KaonaRounds[[ความก้าวหน้าของงาน (%)]]"
    );
    expect(columnRef("T", "a[1]#'b")).toBe("T[[a'[1']'#''b]]");
    expect(exactCriterion('say "hi"*?')).toBe('"say ""hi""~*~?"');
    expect(countSpellings("T[[c]]", "$H$5", "T[[o]]", ["ผ่าน", "ผ่าน", " "])).toBe(
      '=COUNTIFS(T[[c]],$H$5,T[[o]],"ผ่าน")'
    );
    expect(countSpellings("T[[c]]", "$H$5", "T[[o]]", [])).toBe("=0");
  });
});
