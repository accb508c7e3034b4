import { en } from "../i18n/en";
import { th, type MessageKey } from "../i18n/th";

const keys = Object.keys(th) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("both dictionaries have the same keys and no empty text", () => {
  expect(Object.keys(en).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect({ key, th: th[key].trim() === "", en: en[key].trim() === "" }).toEqual({
      key,
      th: false,
      en: false,
    });
  }
});

test("every message fills the same placeholders in Thai and English", () => {
  for (const key of keys)
    expect({ key, th: placeholders(th[key]) }).toEqual({ key, th: placeholders(en[key]) });
});

test("the Thai dictionary is Thai (except the names of languages)", () => {
  const notThai = keys.filter((key) => !/[\u0E00-\u0E7F]/.test(th[key]));
  expect(notThai).toEqual(["lang.en", "report.lang.en"]);
});
