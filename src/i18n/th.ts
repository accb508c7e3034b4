/**
 * The Thai dictionary: every string the task pane shows. Thai is the product's first
 * language; `en.ts` must have the same keys (the type check fails otherwise).
 * Placeholders in braces ({count}) are filled by `translate`.
 */
export const th = {
  "app.name": "ก้าวหน้า",
  "app.tagline": "รายงานความก้าวหน้าโครงการและเกณฑ์ชี้วัด",
  "app.loading": "กำลังโหลด…",
  "app.previewBanner.title": "โหมดทดลองในเบราว์เซอร์",
  "app.previewBanner.body":
    "ไม่ได้เปิดใน Excel: ก้าวหน้ากำลังทำงานกับสมุดงานตัวอย่างในหน่วยความจำ (ข้อมูลจากแบบรายงานจริงสองโครงการ) การแก้ไขจะไม่ถูกบันทึก",
  "app.unsupported.title": "Excel รุ่นนี้ไม่รองรับ",
  "app.unsupported.body":
    "ก้าวหน้าต้องการ Excel ที่รองรับ ExcelApi {version} ขึ้นไป กรุณาอัปเดต Office หรือใช้ Excel บนเว็บ",
  "app.error.title": "เกิดข้อผิดพลาด",
  "app.error.retry": "ลองอีกครั้ง",
  "nav.label": "เมนูหลัก",
  "nav.home": "หน้าแรก",
  "nav.tables": "ตาราง",
  "nav.check": "ตรวจสอบ",
  "nav.report": "รายงาน",
  "nav.functions": "ฟังก์ชัน",
  "nav.settings": "ตั้งค่า",
  "lang.label": "ภาษา",
  "lang.auto": "ตามภาษาของ Office",
  "lang.th": "ไทย",
  "lang.en": "English",
  "page.home.title": "ภาพรวม",
  "page.tables.title": "ตารางข้อมูล",
  "page.tables.intro":
    "ผูกตารางใน Excel เป็นตารางโครงการ รายงานแต่ละครั้ง และเกณฑ์ชี้วัด หรือสร้างตารางใหม่พร้อมหัวคอลัมน์ภาษาไทย",
  "page.check.title": "ตรวจสอบข้อมูล",
  "page.check.intro":
    "ตรวจชนิดข้อมูล วันที่ คำศัพท์ ความก้าวหน้าสะสม ลำดับรายงาน งบประมาณ และผลรวมเกณฑ์ชี้วัด คลิกรายการเพื่อไปยังเซลล์",
  "page.report.title": "แบบรายงาน",
  "page.report.intro": "สร้างแผ่นงานแบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ พร้อมพิมพ์บนกระดาษ A4",
  "page.functions.title": "ฟังก์ชัน KPI",
  "page.functions.intro": "ฟังก์ชันสำหรับใช้ในสูตรของคุณเอง พิมพ์ =KPI. ในเซลล์",
  "page.settings.title": "ตั้งค่า",
  "preview.workbook": "สมุดงานตัวอย่าง",
  "preview.sheets": "แผ่นงาน",
  "preview.emptySheet": "แผ่นงานนี้ว่าง",
  "error.tableMissing.title": "ไม่พบตาราง",
  "error.tableMissing.body":
    "ตาราง {table} ถูกลบหรือย้ายไปนอกสมุดงานนี้ ไปที่หน้าตารางข้อมูลเพื่อผูกตารางใหม่",
  "error.sheetProtected.title": "แผ่นงานถูกป้องกัน",
  "error.sheetProtected.body":
    "แผ่นงาน {sheet} ถูกป้องกันการแก้ไข ยกเลิกการป้องกัน (รีวิว › ยกเลิกการป้องกันแผ่นงาน) แล้วลองอีกครั้ง",
  "error.payloadTooLarge.title": "ข้อมูลมากเกินไปในครั้งเดียว",
  "error.payloadTooLarge.body":
    "Excel ปฏิเสธคำขอที่ใหญ่เกินไป ลองทำทีละโครงการ หรือแบ่งตารางให้เล็กลง แล้วลองอีกครั้ง",
  "error.timeout.title": "Excel ไม่ตอบสนอง",
  "error.timeout.body":
    "Excel ไม่ตอบกลับภายในเวลาที่กำหนด ตรวจว่าไม่มีเซลล์ใดอยู่ในโหมดแก้ไข (กด Esc) แล้วลองอีกครั้ง",
  "error.sheetConflict.title": "มีแผ่นงานหรือตารางชื่อนี้อยู่แล้ว",
  "error.sheetConflict.body":
    "มีแผ่นงานหรือตารางชื่อ {sheet}{table} อยู่แล้ว และไม่ได้สร้างโดยก้าวหน้า จึงไม่เขียนทับ เลือกชื่ออื่น",
  "error.notSupported.title": "ทำรายการนี้ไม่ได้",
  "error.notSupported.body": "Excel ที่ใช้อยู่หรือส่วนที่เลือกไม่รองรับการทำรายการนี้ ({detail})",
  "error.unknown.title": "เกิดข้อผิดพลาดที่ไม่คาดคิด",
  "error.unknown.body": "ลองอีกครั้ง หากยังเกิดซ้ำ ให้ปิดแล้วเปิดก้าวหน้าใหม่ ({detail})",
  "error.retry": "ลองอีกครั้ง",
  "error.rebind": "ไปที่ตารางข้อมูล",
  "error.dismiss": "ปิด",
} as const;

export type MessageKey = keyof typeof th;
