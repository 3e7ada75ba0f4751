import type { LangiumSharedServices } from 'langium/lsp';
import { URI, type Cancellation } from 'langium';
import { isBuiltinUri } from '@cnms/language';
import { REPORT_REQUEST, type CnmsLspServices, type ReportParams, type ReportResult } from '@cnms/language/lsp';
import { buildReport, renderCsv, renderHtml, renderJson, renderMarkdown, renderXlsx, reportProvenance, type ReportDiagnostic } from '@cnms/report';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

/**
 * `cnms/report` for the editor's report preview and export: the same builder
 * and renderers as `cnms report`, on the server's current model (Node only:
 * the provenance asks git).
 */
export function registerReportRequests(shared: LangiumSharedServices, Cnms: CnmsLspServices, engine: string): void {
    shared.lsp.Connection?.onRequest(REPORT_REQUEST, async (params: ReportParams, token: Cancellation.CancellationToken): Promise<ReportResult> => {
        await Cnms.validation.ModelValidation.documentValidated(params.uri, token);
        const models = Cnms.references.Models;
        if (isBuiltinUri(params.uri) || models.isInNoModel(params.uri)) return null;
        const model = models.modelOf(params.uri);
        if (!models.organizationOf(model)) return null;
        const diagnostics: ReportDiagnostic[] = models.documentsOf(model).flatMap(document =>
            (document.diagnostics ?? []).map(d => ({
                file: document.uri.path.split('/').pop() ?? '',
                line: d.range.start.line + 1,
                severity: SEVERITY[d.severity ?? 1],
                rule: String(d.code ?? ''),
                message: typeof d.message === 'string' ? d.message : d.message.value
            }))
        );
        const report = buildReport(Cnms, model, { locale: Cnms.I18n.locale, diagnostics, provenance: reportProvenance(engine, URI.parse(model).fsPath, false) });
        const name = `${report.organization.id}-report`;
        switch (params.format) {
            case 'md':
                return { content: renderMarkdown(report), encoding: 'utf8', fileName: `${name}.md` };
            case 'json':
                return { content: renderJson(report), encoding: 'utf8', fileName: `${name}.json` };
            case 'csv':
                return { content: renderCsv(report), encoding: 'utf8', fileName: `${name}-sources.csv` };
            case 'xlsx':
                return { content: (await renderXlsx(report)).toString('base64'), encoding: 'base64', fileName: `${name}.xlsx` };
            default:
                return { content: await renderHtml(report), encoding: 'utf8', fileName: `${name}.html` };
        }
    });
}
