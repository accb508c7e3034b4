/**
 * Sample data: the two seed printouts (published Bangkok project progress reports)
 * transcribed into the three tables as staff would type them in Excel. The task-pane preview, the tests and `npm start` load
 * it. Faithful to the printouts, holes included:
 *
 * - Progress lines: the printout places the "(ครั้งที่ N)" progress line under the NEXT
 *   round's label; each round here takes the progress its "(ครั้งที่ N)" line names.
 * - Seed 001 (8 rounds): the label "รายงานครั้งที่3" holds only round 2's trailing progress
 *   line, so round 3 has no date, narrative or progress of its own. Rounds 4–8 keep their
 *   printed labels, so round 8 is the 20/06/2566 "ดำเนินโครงการแล้วเสร็จ" report, which goes
 *   with the 100 % line "(ครั้งที่ 8)". Rounds 3–7 have no progress. (Reading the narratives
 *   as shifted by one instead would leave round 8 without a date; the labels do not
 *   support that shift, since round 2's narrative sits under its own label.)
 * - Seed 000 round 6 has a date and no narrative.
 * - Dates are Excel serials, except a few kept as typed text the way the seeds mix formats
 *   ("2/12/2562", "2020-1-23", "2020-6-19", "2022-11-01 00:00:00"); one progress is typed
 *   "10.00 %" and one budget "0 บาท", as the printout shows them.
 * - "?" that the text extraction left for characters it could not map is restored as
 *   “ ” around quoted names and as "–" elsewhere; paragraph breaks (<p>) are line breaks.
 * - The indicator list of seed 000 is not public: its 431 rows are SAMPLE rows
 *   ("ตัวอย่าง"), spread over 18 main units, that reproduce the published tally
 *   (409 met, 6 below, 3 not needed, 3 no service, 10 excluded). Their target and actual
 *   values are invented for the demo, consistent with each outcome.
 */
import { parseThaiDate } from "./dates";
import { parseNumber } from "./numbers";
import { fieldsOf, tableLabel, type FieldKeyOf, type FieldType } from "./schema";
import type { CellValue, Lang, RawTable, TableKind } from "./types";

export const SEED_000_CODE = "21000000-3165";
export const SEED_001_CODE = "21000000-6549";

/** A row given by field key; fields left out are blank cells. */
export type RowOf<K extends TableKind> = Partial<Record<FieldKeyOf[K], CellValue>>;

export const SAMPLE_TABLE_NAMES: Readonly<Record<TableKind, string>> = {
  projects: "KaonaProjects",
  rounds: "KaonaRounds",
  indicators: "KaonaIndicators",
};

export interface RawTableOptions {
  name?: string;
  sheet?: string;
  origin?: { row: number; col: number };
  lang?: Lang;
}

/**
 * A RawTable in the schema's column order with the headers of the blank template, from
 * rows given by field key: how the sample, the tests and the benchmark build tables.
 */
export function rawTableFromRows<K extends TableKind>(
  kind: K,
  rows: readonly RowOf<K>[],
  options: RawTableOptions = {}
): RawTable {
  const fields = fieldsOf(kind);
  const lang = options.lang ?? "th";
  return {
    name: options.name ?? SAMPLE_TABLE_NAMES[kind],
    sheet: options.sheet ?? tableLabel(kind, lang),
    origin: options.origin ?? { row: 0, col: 0 },
    headers: fields.map((field) => field.label[lang]),
    rows: rows.map((row) => fields.map((field) => row[field.key] ?? null)),
  };
}

const UNIT_SPD =
  "สำนักยุทธศาสตร์และประเมินผล / กองยุทธศาสตร์เศรษฐกิจ การเงิน และการคลัง / กลุ่มงานประสานการถ่ายโอนภารกิจ";

/** The two seed projects as their forms give them. */
export const SAMPLE_PROJECTS: readonly RowOf<"projects">[] = [
  {
    code: SEED_000_CODE,
    name: "กิจกรรมติดตามและประเมินผลเกณฑ์ชี้วัดมาตรฐานการจัดบริการสาธารณะของกรุงเทพมหานคร",
    fiscalYear: 2563,
    start: 43739, // 2019-10-01
    end: 44103, // 2020-09-29
    budgetReceived: 0,
    budgetUsed: 0,
    unit: UNIT_SPD,
    owner: "นายกิตติศักดิ์ ภัคดี",
    coordinator: "นายบุญเยี่ยม เหลาสะอาด",
    rationale:
      "รัฐธรรมนูญแห่งราชอาณาจักรไทย พ.ศ. 2560 กำหนดให้องค์กรปกครองส่วนท้องถิ่นมีหน้าที่ และอำนาจในการจัดทำและดูแลบริการสาธารณะและกิจการสาธารณะเพื่อประโยชน์ของประชาชนในท้องถิ่น ตามหลักการพัฒนาอย่างยั่งยืน รวมทั้งการขับเคลื่อนการมีส่วนร่วมในการจัดการบริการสาธารณะที่แก้ไขปัญหา ในพื้นที่และตอบสนองความต้องการตามเจตนารมณ์ของประชาชนในท้องถิ่นให้มีคุณภาพชีวิตที่ดีขึ้นมีการเข้าถึงบริการสาธารณะได้อย่างเท่าเทียม เป็นธรรม ลดความเหลื่อมล้ำทางสังคม เพื่อให้เห็นถึงประสิทธิภาพของ อปท. ในการให้บริการประชาชน คณะรัฐมนตรี ในการประชุมเมื่อวันที่ 15 มกราคม 2551 ได้มีมติเห็นชอบให้ประเมินเกณฑ์ชี้วัดเป้าหมายมาตรฐานขั้นต่ำการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น (องค์การบริหารส่วนตำบล เทศบาล องค์การบริหารส่วนจังหวัด กรุงเทพมหานคร และเมืองพัทยา) สำนักงานปลัดสำนักนายกรัฐมนตรีโดยสำนักงานคณะกรรมการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น จึงได้ดำเนินการประเมินมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ในแผนการประเมินปี 2561 -2563 กรุงเทพมหานครมีเกณฑ์ชี้วัดรวม 431 เกณฑ์ชี้วัด",
    objectives:
      "จัดเก็บรวบรวมข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดมาตรฐานการจัดบริการสาธารณะของกรุงเทพมหานคร ปี 2563",
    target: "431 เกณฑ์ชี้วัด",
    targetCount: 431,
    strategy: "ด้านที่ ๕ -มหานครประชาธิปไตย : Bangkok as a Democratic City",
    subStrategy: "๕.๓ - การกระจายอำนาจสู่ประชาชน",
    goal: "๕.๓.๑ ลดบทบาทส่วนกลางลงเหลือภารกิจหลักเท่าที่จำเป็นและให้อำนาจในการกำหนดโน",
    kpi: "มิติที่1 ร้อยละของผลการดำเนินงานตามเกณฑ์ชี้วัดมาตรฐานการจัดบริการสาธารณะของกรุงเทพมหานครเพิ่มขึ้นจากปี 2562",
  },
  {
    code: SEED_001_CODE,
    name: "กิจกรรมการติดตามและประเมินผลการดำเนินงานตามภารกิจที่ได้รับการถ่ายโอนภารกิจตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ฉบับที่ 1 และ ฉบับที่ 2",
    fiscalYear: 2566,
    start: "2022-11-01 00:00:00",
    end: 45199, // 2023-09-30
    budgetReceived: "0 บาท",
    budgetUsed: 0,
    unit: UNIT_SPD,
    owner: "กลุ่มงานประสานการถ่ายโอนภารกิจ",
    coordinator: "นางสาวมลธิณี แจ่มสามสี",
    rationale:
      "กรุงเทพมหานครมีอำนาจหน้าที่ตามพระราชบัญญัติระเบียบบริหารราชการกรุงเทพมหานคร พ.ศ. 2528 และพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542 กำหนดให้กรุงเทพมหานครมีบทบาทในการกระจายอำนาจและภารกิจหน้าที่ด้านต่างๆ คือ กรุงเทพมหานครรับถ่ายโอนภารกิจจากหน่วยงานราชการ (กระทรวง กรม) และหน่วยงานส่วนกลางในสังกัดกรุงเทพมหานคร หรือหน่วยงานระดับสำนักถ่ายโอนไปยังสำนักงานเขต ปัจจุบันกรุงเทพมหานครได้รับถ่ายโอนภารกิจมาแล้ว จำนวน 42 ภารกิจ ยังไม่ถ่ายโอน จำนวน 26 ภารกิจซึ่งอุปสรรคที่ส่งผลให้ การถ่ายโอนภารกิจยังไม่บรรลุเป้าหมาย คือ ส่วนราชการเจ้าของภารกิจเดิมไม่มีความชัดเจน ไม่ประสงค์ จะถ่ายโอนอำนาจหน้าที่และภารกิจของตนให้องค์กรปกครองส่วนท้องถิ่น เลือกถ่ายโอนภารกิจที่ไม่มีความสำคัญหรือถ่ายโอนไม่ครบกระบวนการ รวมทั้งความล่าช้าในการแก้ไขกฎหมายที่มีขั้นตอนและระยะเวลายาวนาน ส่งผลให้การถ่ายโอนภารกิจของกรุงเทพมหานครประสบปัญหา รวมทั้งภารกิจที่จะได้รับการถ่ายโอน จากหน่วยงานราชการในส่วนกลางตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ยังไม่ครอบคลุมอำนาจหน้าที่ในการจัดทำกิจการสาธารณะที่มีความจำเป็นในระดับมหานคร จำเป็นต้องกำหนดแนวทางในการเร่งรัด ผลักดันให้เกิดการกระจายอำนาจจากส่วนกลางให้กรุงเทพมหานครเพิ่มขึ้น ทั้งภารกิจตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่นและภารกิจและอำนาจหน้าที่อื่น ๆ ของส่วนกลางที่มีการดำเนินการทับซ้อนอยู่ในพื้นที่กรุงเทพมหานคร จึงมีความจำเป็น ต้องติดตามประเมินผลการดำเนินงานตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ฉบับที่ 1 และ ฉบับที่ 2 เพื่อให้กรุงเทพมหานครทราบถึงความก้าวหน้า ข้อจำกัด ปัญหาและอุปสรรคในการดำเนินงานตามภารกิจที่ได้รับการถ่ายโอนจากหน่วยงานราชการส่วนกลางของรัฐบาลแล้วและประสานแจ้งต่อ สำนักงาน ก.ก.ธ. เพื่อผลักดันปัญหาและอุปสรรคเข้าสู่กระบวนการแก้ไขผ่านกลไกที่เกี่ยวข้อง",
    objectives:
      "1. เพื่อให้มีการติดตามและประเมินผลการดำเนินงานของภารกิจที่ได้รับการถ่ายโอน ตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ฉบับที่ 1 และ ฉบับที่ 2\n2. เพื่อให้ทราบปัญหา อุปสรรค และข้อจำกัดในการดำเนินงานตามภารกิจที่ได้รับ การถ่ายโอนแล้วแจ้งต่อ สำนักงาน ก.ก.ธ. เป็นการผลักดันเข้าสู่กระบวนการแก้ไขผ่านกลไกที่เกี่ยวข้อง",
    target:
      "ปัญหาอุปสรรคและข้อจำกัดในการดำเนินงานตามภารกิจที่กรุงเทพมหานครได้รับถ่ายโอนตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ฉบับที่ 1 และ ฉบับที่ 2 จำนวน 42 ภารกิจ ได้รับการผลักดันเข้าสู่กระบวนการแก้ไขผ่านกลไกที่เกี่ยวข้อง",
    targetCount: 42,
    strategy: "ยุทธศาสตร์ที่ ๕ – ส่งเสริมการสร้างเมืองประชาธิปไตยแบบมีส่วนร่วม",
    subStrategy: "๕.๓ - การกระจายอำนาจและการมีส่วนร่วมของประชาชน",
    goal: "๕.๔.๑ กรุงเทพมหานคร มีกลไกการร้องเรียน ตรวจสอบ และแก้ไขเรื่องการทุจริตที่เข้าถึงง่าย สะดวก รวดเร็วมี",
    kpi: "มิติที่1 กรุงเทพมหานครติดตามและประเมินผลการดำเนินงานตามภารกิจที่ได้รับการถ่ายโอนภารกิจ ตามแผนการกระจายอำนาจให้แก่องค์กรปกครอง ส่วนท้องถิ่น ฉบับที่ ๑ และฉบับที่ ๒",
  },
];

const ON_PLAN = "เป็นไปตามแผน";
const ON_TARGET = "เป็นไปตามเป้าหมาย";

const NARRATIVES_000: readonly string[] = [
  "อยู่ระหว่างขั้นตอน...",
  "อยู่ระหว่างขั้นตอน...การเตรียมดำเนินการเพื่อจัดเก็บและรวบรวมข้อมูลตามกรอบการประเมินเกณฑ์ชี้วัดและค่าเป้าหมายขั้นต่ำการจัดบริการสาธารณะของกรุงเทพมหานครในปี พ.ศ. 2563 รวมทั้งสิ้น 431 เกณฑ์ชี้วัด โดยมีเกณฑ์ชี้วัดเพิ่มจากการประเมินปี พ.ศ. 2562 จำนวน 22 เกณฑ์ชี้วัด ซึ่งได้กำหนดแนวทางการดำเนินงานในการจัดเก็บรวบรวมข้อมูล เรียบร้อยแล้ว และนำเสนอแนวทางต่อคณะกรรมการพิจารณาแนวทางการดำเนินงานของกรุงเทพมหานคร ตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น รับทราบแล้ว เมื่อวันที่ 11 ธันวาคม 2562",
  "อยู่ระหว่างขั้นตอนการเตรียมความพร้อมในการเตรียมดำเนินการเพื่อจัดเก็บและรวบรวมข้อมูลตามกรอบการประเมินเกณฑ์ชี้วัดและค่าเป้าหมายขั้นต่ำการจัดบริการสาธารณะของกรุงเทพมหานครในปี พ.ศ. 2563 โดยมีเกณฑ์ชี้วัดเพิ่มจากการประเมินปี พ.ศ. 2562 จำนวน 22 เกณฑ์ชี้วัด (ข้อมูลผลการดำเนินงาน ปี พ.ศ.2562) รวมทั้งสิ้น 431 เกณฑ์ชี้วัด ซึ่งได้กำหนดแนวทางการดำเนินงานในการจัดเก็บรวบรวมข้อมูลเรียบร้อยแล้ว และได้นำเสนอแนวทางต่อคณะกรรมการพิจารณาแนวทางการดำเนินงานของกรุงเทพมหานครตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น รับทราบแล้ว เมื่อวันที่ 11 ธันวาคม 2562",
  "อยู่ระหว่างเตรียมการในการจัดเก็บและรวบรวมข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดปี พ.ศ. 2563",
  "1.อยู่ระหว่างเตรียมการในการจัดเก็บและรวบรวมข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดปี พ.ศ. 2563 / 24/3/2563 : อยู่ระหว่างหน่วยงานเตรียมการจัดเก็บรวบรวมข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัด\n2. อยู่ระหว่างเสนอสำนักงานคณะกรรมการการกระจายอำนาจ ขอไม่ประเมินเกณฑ์ชี้วัดและขอปรับเกณฑ์และค่าเป้าหมาย จำนวน 24 เกณฑ์",
  "",
  "หน่วยงานอยู่ระหว่างรวบรวมข้อมูลผลการดำเนินงานและบันทึกข้อมูลลงในระบบประเมินผลฯ",
  "หน่วยงานหลัก 18 หน่วยงาน\nดำเนินการจัดเก็บข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดมาตรฐานการให้บริการสาธารณะของกรุงเทพมหานครที่รับผิดชอบ และบันทึกข้อมูลพื้นฐานและข้อมูลการให้บริการสาธารณะลงใน “โปรแกรมระบบประมวลผลข้อมูลเกณฑ์ชี้วัดฯ ของกรุงเทพมหานคร” เรียบร้อยแล้ว จำนวน 431 เกณฑ์ชี้วัด เมื่อวันที่ 15 มิถุนายน 2563 ขณะอยู่ระหว่างตรวจสอบความถูกต้อง เพื่อสรุปรายงานต่อคณะกรรมการพิจารณาแนวทางการดำเนินงานด้านการกระจายอำนาจของ กทม. พิจารณาให้ความเห็นชอบแล้วส่งให้สำนักงานคณะกรรมการการกระจายอำนาจให้แก่ อปท. ตามกำหนด (ภายใน 15 สิงหาคม 2563) ต่อไป",
  "1)หน่วยงานหลัก 18 หน่วยงาน\nดำเนินการจัดเก็บข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดมาตรฐานการให้บริการสาธารณะของกรุงเทพมหานครที่รับผิดชอบ และบันทึกข้อมูลพื้นฐานและข้อมูลการให้บริการสาธารณะลงใน “โปรแกรมระบบประมวลผลข้อมูลเกณฑ์ชี้วัดฯ ของกรุงเทพมหานคร” เรียบร้อยแล้ว จำนวน 431 เกณฑ์ชี้วัด เมื่อวันที่ 15 มิถุนายน 2563 ขณะอยู่ระหว่างตรวจสอบความถูกต้อง เพื่อสรุปรายงานต่อคณะกรรมการพิจารณาแนวทางการดำเนินงานด้านการกระจายอำนาจของ กทม. พิจารณาให้ความเห็นชอบแล้วส่งให้สำนักงานคณะกรรมการการกระจายอำนาจให้แก่ อปท. ตามกำหนด\n2) สำนักงาน ก.ก.ธ. มีหนังสือเรียน ผว.กทม. ขอความร่วมมือ กทม. ประเมินตนเอง ตามเกณฑ์ชี้วัดและค่าเป้าหมายขึ้นต่อมาตรฐานการให้บริการสาธารณะของ กทม. พ.ศ. 2563 จำนวน 421 เกณฑ์ชี้วัด โดยให้บันทึกข้อมูลลงในระบบภายใน 15 สิงหาคม 2563",
  "สรุปผลการประเมินเบื้องต้นเสนอต่อคณะกรรมการพิจารณาแนวทางการดำเนินงานด้านการกระจายอำนาจของ กทม. ในวันที่ 29 กรกฎาคม 2563 เพื่อพิจารณาให้ความเห็นชอบผลการประเมินและให้ สยป.\nบันทึกข้อมูลลงในระบบประเมินผลของสำนักงานคณะกรรมการการกระจายอำนาจให้แก่ อปท. ภายใน 15 สิงหาคม 2563",
  "บันทึกและส่งข้อมูล (Submit) ตามแบบคิดตามประเมินผล จำนวน 3 แบบ ได้แก่ แบบ กทม. 1 แบบ กทม. 2 – 1 ถึง 2 – 6 และแบบ กทม. 3 ลงใน “โปรแกรมระบบประมวลผลเกณฑ์ชี้วัดและค่าเป้าหมายขึ้นต่อการให้บริการสาธารณะของ อปท.” ของสำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่นแล้ว เมื่อวันที่ 14 สิงหาคม 2563 จำนวน 421 เกณฑ์ชี้วัด ทั้งนี้ ผลการประเมินเบื้องต้นจาก “ระบบประมวลผลข้อมูลเกณฑ์ชี้วัดฯ ของกรุงเทพมหานคร” ผ่านค่าเป้าหมายขั้นต่ำ จำนวน 409 เกณฑ์ชี้วัด ต่ำกว่าค่าเป้าหมาย จำนวน 6 เกณฑ์ชี้วัด ไม่มีความจำเป็นต้องดำเนินการในปี 2562 จำนวน 3 เกณฑ์ชี้วัด และไม่มีบริการสาธารณะ จำนวน 3 เกณฑ์ชี้วัด",
];

const NARRATIVES_001: readonly string[] = [
  "ประสานหน่วยงาน/ส่วนราชการรับผิดชอบดำเนินงานภารกิจ จำนวน 9 หน่วยงาน/ส่วนราชการ ได้แก่ สำนักพัฒนาสังคม สำนักการศึกษา สำนักการโยธา สำนักการวางผังและพัฒนาเมือง สำนักการระบายน้ำ สำนักอนามัย สำนักวัฒนธรรม กีฬา และการท่องเที่ยว สำนักการคลัง และสำนักงานปกครองและทะเบียน รายงานผลการดำเนินงาน ปัญหาอุปสรรค และข้อเสนอแนะการแก้ไขของภารกิจที่ได้รับการถ่ายโอนแล้ว จำนวน 42 ภารกิจ ตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ฉบับที่ 1 และฉบับที่ 2",
  "รวบรวมข้อมูลผลการดำเนินงาน ปัญหาอุปสรรค และข้อเสนอแนะการแก้ไขของภารกิจที่ได้รับการถ่ายโอนแล้วของหน่วยงาน/ส่วนราชการรับผิดชอบดำเนินงานภารกิจ จำนวน 9 หน่วยงาน/ส่วนราชการ เพื่อจัดทำรายงานผลการติดตามและประเมินผลการดำเนินงาน",
  "",
  "สรุปประเด็นผลการดำเนินงาน ปัญหาอุปสรรค และข้อเสนอแนะการแก้ไขของภารกิจที่ได้รับการถ่ายโอนแล้ว ตามที่หน่วยงาน/ส่วนราชการรับผิดชอบดำเนินงานภารกิจ จำนวน 9 หน่วยงาน/ส่วนราชการรายงานความคืบหน้าการดำเนินงาน เพื่อจัดทำรายงานผลการติดตามและประเมินผลการดำเนินงาน",
  "จัดทำรายงานผลการติดตามและประเมินผลการดำเนินงาน โดยวิเคราะห์ สรุปปัญหาในภาพรวม และให้ข้อเสนอแนะ จัดทำเป็นรูปเล่มรายงาน เพื่อนำเสนอปัญหาต่อหน่วยงานที่เกี่ยวข้องเข้าสู่กระบวนการแก้ไขต่อไป",
  "อยู่ระหว่างดำเนินการนำเสนอเล่มรายงานฯ เพื่อนำประเด็นปัญหาและข้อเสนอแนะแนวทางการแก้ไขเสนอต่อหน่วยงานที่เกี่ยวข้องพิจารณาเข้าสู่กระบวนการแก้ไขปัญหาต่อไป",
  "อยู่ระหว่างดำเนินการจัดทำหนังสือเสนอต่อผู้บริหารเพื่อนำประเด็นปัญหาและข้อเสนอแนะแนวทางการแก้ไขเสนอต่อหน่วยงานที่เกี่ยวข้องพิจารณาเข้าสู่กระบวนการแก้ไขปัญหาต่อไป",
  "ดำเนินโครงการแล้วเสร็จ โดยนำประเด็นปัญหาและข้อเสนอแนะแนวทางการแก้ไขเสนอต่อหน่วยงานที่เกี่ยวข้องเพื่อพิจารณาแก้ไข/พัฒนาศักยภาพของหน่วยงานในการดำเนินงานตามภารกิจถ่ายโอนของกรุงเทพมหานคร ตามหนังสือที่ กท 0503/2377 ลงวันที่ 12 มิถุนายน 2566 เรียบ ผู้อำนวยการสำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ขอส่งสรุปปัญหา อุปสรรค และข้อเสนอแนะการดำเนินงานตามภารกิจที่กรุงเทพมหานครรับถ่ายโอนตามแผนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ฉบับที่ 1 และฉบับที่ 2 จำนวน 11 ภารกิจ ซึ่งปัญหาอุปสรรค อยู่นอกเหนืออำนาจหน้าที่ของกรุงเทพมหานครเห็นควรประสานสำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น เพื่อพิจารณาปัญหาอุปสรรคเข้าสู่กระบวนการแก้ไข",
];

/** Seed 000: [date as typed, progress as typed]; every round 0 baht, on plan, on target. */
const ROUNDS_000: readonly (readonly [CellValue, CellValue])[] = [
  ["2/12/2562", "10.00 %"],
  [43825, 25], // 26/12/2562
  [43836, 25], // 6/1/2563
  ["2020-1-23", 25],
  [43914, 30], // 24/3/2563
  [43945, 30], // 24/04/2563
  [43971, 40], // 20/05/2563
  [44000, 60], // 18/06/2563
  ["2020-6-19", 75],
  [44035, 85], // 23/07/2563
  [44061, 100], // 18/08/2563
];

const ROUNDS_001: readonly RowOf<"rounds">[] = [
  {
    round: 1,
    date: 44917,
    progress: 30,
    disbursed: 0,
    planStatus: ON_PLAN,
    targetStatus: ON_TARGET,
  }, // 22/12/2565
  {
    round: 2,
    date: 44949,
    progress: 40,
    disbursed: 0,
    planStatus: ON_PLAN,
    targetStatus: ON_TARGET,
  }, // 23/01/2566
  { round: 3 },
  { round: 4, date: 44977 }, // 20/02/2566
  { round: 5, date: 45008 }, // 23/03/2566
  { round: 6, date: 45037 }, // 21/04/2566
  { round: 7, date: 45070 }, // 24/05/2566
  {
    round: 8,
    date: 45097,
    progress: 100,
    disbursed: 0,
    planStatus: ON_PLAN,
    targetStatus: ON_TARGET,
  }, // 20/06/2566
];

function roundRows(): RowOf<"rounds">[] {
  const seed000 = ROUNDS_000.map(([date, progress], index): RowOf<"rounds"> => ({
    projectCode: SEED_000_CODE,
    round: index + 1,
    date,
    narrative: NARRATIVES_000[index] || null,
    progress,
    disbursed: 0,
    planStatus: ON_PLAN,
    targetStatus: ON_TARGET,
  }));
  const seed001 = ROUNDS_001.map((row, index): RowOf<"rounds"> => ({
    projectCode: SEED_001_CODE,
    narrative: NARRATIVES_001[index] || null,
    ...row,
  }));
  return [...seed000, ...seed001];
}

/** Main units for the sample indicator rows (the real assignment is not public). */
export const SAMPLE_MAIN_UNITS: readonly string[] = [
  "สำนักการแพทย์",
  "สำนักอนามัย",
  "สำนักการศึกษา",
  "สำนักการโยธา",
  "สำนักการระบายน้ำ",
  "สำนักสิ่งแวดล้อม",
  "สำนักการจราจรและขนส่ง",
  "สำนักพัฒนาสังคม",
  "สำนักวัฒนธรรม กีฬา และการท่องเที่ยว",
  "สำนักป้องกันและบรรเทาสาธารณภัย",
  "สำนักเทศกิจ",
  "สำนักการวางผังและพัฒนาเมือง",
  "สำนักการคลัง",
  "สำนักงานปกครองและทะเบียน",
  "สำนักยุทธศาสตร์และประเมินผล",
  "สำนักปลัดกรุงเทพมหานคร",
  "สำนักงานประชาสัมพันธ์",
  "สำนักงานเขต",
];

/** Outcome text as staff type it, by the default vocabulary's keys. */
export const SAMPLE_OUTCOME_TEXT = {
  met: "ผ่านค่าเป้าหมายขั้นต่ำ",
  below: "ต่ำกว่าค่าเป้าหมาย",
  notNeeded: "ไม่มีความจำเป็นต้องดำเนินการ",
  noService: "ไม่มีบริการสาธารณะ",
  excluded: "ไม่ประเมิน",
} as const;

export type SampleOutcome = keyof typeof SAMPLE_OUTCOME_TEXT;

/** Row numbers (1-based) of the sample indicators that did not simply pass, spread out. */
const NOT_MET_ROWS: Readonly<Record<Exclude<SampleOutcome, "met">, readonly number[]>> = {
  below: [13, 58, 134, 202, 289, 378],
  notNeeded: [45, 151, 311],
  noService: [96, 241, 403],
  excluded: [21, 72, 119, 167, 216, 264, 300, 342, 391, 426],
};

const INDICATOR_COUNT_000 = 431;

function indicatorRows(): RowOf<"indicators">[] {
  const outcomeAt = new Map<number, SampleOutcome>();
  for (const [outcome, rows] of Object.entries(NOT_MET_ROWS) as [
    SampleOutcome,
    readonly number[],
  ][]) {
    for (const row of rows) outcomeAt.set(row, outcome);
  }
  // 431 = 17 units × 24 + 23: contiguous blocks, as a list sorted by unit would be.
  const perUnit = Math.ceil(INDICATOR_COUNT_000 / SAMPLE_MAIN_UNITS.length);
  const rows: RowOf<"indicators">[] = [];
  for (let n = 1; n <= INDICATOR_COUNT_000; n++) {
    const outcome = outcomeAt.get(n) ?? "met";
    const target = 50 + (n % 5) * 10;
    const actual =
      outcome === "met"
        ? target + (n % 7) * 2.5
        : outcome === "below"
          ? target - 5 - (n % 3) * 5
          : null;
    rows.push({
      projectCode: SEED_000_CODE,
      id: `ตัวอย่าง-${String(n).padStart(3, "0")}`,
      name: `เกณฑ์ชี้วัดตัวอย่างที่ ${n} (ข้อมูลตัวอย่าง)`,
      unit: SAMPLE_MAIN_UNITS[Math.floor((n - 1) / perUnit)],
      target: actual === null ? null : target,
      actual,
      outcome: SAMPLE_OUTCOME_TEXT[outcome],
    });
  }
  return rows;
}

export interface SampleTables {
  projects: RawTable;
  rounds: RawTable;
  indicators: RawTable;
}

/**
 * Which sample: `asPrinted` keeps the few values the printouts show as text ("2/12/2562",
 * "10.00 %", "0 บาท"), so the check warns about each as it would in a staff member's
 * workbook; `typed` stores them as Excel would (date serials, numbers), so the only issues
 * left are the seeds' real gaps (seed 001's rounds 3–7, seed 000's round 6 narrative).
 */
export type SampleVariant = "asPrinted" | "typed";

/** Fresh copies of the sample tables (callers may change them freely). */
export function sampleWorkbookTables(variant: SampleVariant = "asPrinted"): SampleTables {
  const tables: SampleTables = {
    projects: rawTableFromRows("projects", SAMPLE_PROJECTS),
    rounds: rawTableFromRows("rounds", roundRows()),
    indicators: rawTableFromRows("indicators", indicatorRows()),
  };
  if (variant === "typed") {
    typeTextValues("projects", tables.projects);
    typeTextValues("rounds", tables.rounds);
  }
  return tables;
}

const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(["integer", "number", "percent", "money"]);

/** Replaces, in place, date and number text with the serial or number it reads as. */
function typeTextValues(kind: TableKind, table: RawTable): void {
  const types = fieldsOf(kind).map((field) => field.type);
  for (const row of table.rows) {
    row.forEach((value, col) => {
      if (typeof value !== "string") return;
      const parsed =
        types[col] === "date"
          ? parseThaiDate(value)
          : NUMERIC_TYPES.has(types[col])
            ? parseNumber(value)
            : undefined;
      if (parsed?.ok) row[col] = parsed.value;
    });
  }
}

/** One shared instance of the sample tables; treat as read-only. */
export const SAMPLE_TABLES: SampleTables = sampleWorkbookTables();
