// Asks the server for the report of the model that holds a document
// (`cnms/report`), and reads the organisation from the file name it suggests.
import type { RequestSender } from './builtin-documents.js';
import { REPORT_REQUEST, type ReportFormat, type ReportParams, type ReportResult } from './protocol.js';

export type Report = NonNullable<ReportResult>;

/** The report in one format, or null when the document belongs to no model. */
export async function requestReport(client: RequestSender, uri: string, format: ReportFormat): Promise<Report | null> {
    const params: ReportParams = { uri, format };
    return (await client.sendRequest<ReportResult>(REPORT_REQUEST, params)) ?? null;
}

/** The organisation's id in a suggested file name: `shigang` in `shigang-report.html` or `shigang-report-sources.csv`. */
export function organizationOf(fileName: string): string {
    return fileName.replace(/\.[^.]*$/, '').replace(/-report(?:-[a-z]+)?$/, '');
}

/** The report's bytes: base64 decoded (xlsx), or the text as UTF-8. */
export function reportBytes(report: Report): Uint8Array {
    return report.encoding === 'base64' ? Buffer.from(report.content, 'base64') : Buffer.from(report.content, 'utf8');
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
