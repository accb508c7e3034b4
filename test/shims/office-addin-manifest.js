// office-addin-mock imports office-addin-manifest for one enum; the real package pulls in
// ESM-only dependencies that Jest on Node 20 cannot load. This shim gives the enum alone.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
