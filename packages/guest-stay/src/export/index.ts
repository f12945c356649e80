/**
 * `@cancuoc/guest-stay/export`: stay notices as the portal's bulk-import Excel file (with the
 * optional peer `exceljs`) or as a CSV with the same headers, for when the API is unavailable.
 *
 * @packageDocumentation
 */

/** Writing notices as Excel or CSV. */
export { type ExportStayNoticesOptions, exportStayNotices } from './export-stay-notices.js';
/** The template's headers and the catalogues that name codes in the export. */
export { type ExportCatalogs, STAY_EXPORT_HEADERS } from './rows.js';
