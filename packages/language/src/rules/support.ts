import type { URI } from 'langium';
import { UriUtils } from 'langium';
import type { DocumentInfo, Duration, Element, Factor, Meter, Offset, Role, Source } from '../generated/ast.js';
import { isControl, isDocumentInfo, isFactor, isMeter, isNonconformity, isOffset, isReduction, isRole, isSource, isTraining, isAudit } from '../generated/ast.js';
import type { LocalizedText } from '../i18n/locale.js';
import { addDuration, durationCount, isCalendarDate } from '../semantics/dates.js';
import { kindText } from '../i18n/messages.js';
import { defineRule, type Rule, type RuleContext } from './rule.js';
import { isAbsolutePath, isInsideFolder, modelRepository } from '../workspace/model-repository.js';

/** The main ISO 14064-1 category of a source (`1.1` → `1`), or undefined when it has none (CN-6.2-002). */
function mainCategory(source: Source): string | undefined {
    return source.category ? /^([1-6])(\.[0-9]+)?$/.exec(source.category)?.[1] : undefined;
}

/** metersBySource of each model run's element list (the rules of one run share it). */
const metersOfRun = new WeakMap<readonly Element[], Map<Source, Set<Meter>>>();

/** The meters that monitor each source: a source's `monitored-by`, its `acquired … meter` and a meter's `measures` all count. */
export function metersBySource(elements: readonly Element[]): ReadonlyMap<Source, ReadonlySet<Meter>> {
    let known = metersOfRun.get(elements);
    if (!known) metersOfRun.set(elements, (known = collectMeters(elements)));
    return known;
}

function collectMeters(elements: readonly Element[]): Map<Source, Set<Meter>> {
    const result = new Map<Source, Set<Meter>>();
    const add = (source: Source | undefined, meter: Meter | undefined) => {
        if (!source || !meter) return;
        const meters = result.get(source) ?? new Set<Meter>();
        meters.add(meter);
        result.set(source, meters);
    };
    for (const element of elements) {
        if (isMeter(element)) for (const ref of element.measures) add(ref.ref, element);
        if (isSource(element)) {
            for (const ref of element.monitoredBy) add(element, ref.ref);
            // the instrument of its data acquisition (`acquired measured meter …`, docs/months.md)
            add(element, element.acquisition?.meter?.ref);
        }
    }
    return result;
}

const DURATION_UNITS: Readonly<Record<Duration['unit'], LocalizedText>> = {
    days: { en: 'day', 'zh-CN': '天' },
    months: { en: 'month', 'zh-CN': '个月' },
    years: { en: 'year', 'zh-CN': '年' }
};

/** A calibration interval as a reader writes it: `12 months`, `1 year`, `12 个月`. */
function durationText(duration: Duration): LocalizedText {
    const unit = DURATION_UNITS[duration.unit] as LocalizedText | undefined;
    // (an interval still being typed: its unit or its count is missing, and it is shown as written)
    if (!unit || duration.count === undefined) return { en: duration.$cstNode?.text ?? '—', 'zh-CN': duration.$cstNode?.text ?? '—' };
    const plural = duration.count.replace(/_/g, '') === '1' ? '' : 's';
    return { en: `${duration.count} ${unit.en}${plural}`, 'zh-CN': `${duration.count} ${unit['zh-CN']}` };
}

/** Names joined for a message: `a, b` in English, `a、b` in Chinese (a declaration whose name is half typed, and so missing, is left out). */
function nameList(parts: ReadonlyArray<{ kind?: LocalizedText; name: string | undefined }>): LocalizedText {
    const named = parts.filter((p): p is { kind?: LocalizedText; name: string } => Boolean(p.name));
    return {
        en: named.map(p => (p.kind ? `${p.kind.en} ${p.name}` : p.name)).join(', '),
        'zh-CN': named.map(p => (p.kind ? `${p.kind['zh-CN']} ${p.name}` : p.name)).join('、')
    };
}

/** The model's repository (CN-7.5-001): workspace/model-repository.ts. */
function repositoryOf(context: RuleContext): { root: URI; repository: URI } | undefined {
    return modelRepository(context.services.shared.workspace.FileSystemProvider, context.root);
}

/** A file name without its folder and extension, `-` and `_` alike: `docs/ccer-2024.pdf` → `ccer_2024`. */
function fileStem(path: string): string {
    const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
    const dot = name.lastIndexOf('.');
    return (dot > 0 ? name.slice(0, dot) : name).replace(/-/g, '_');
}

/** Whether a `document` of the model is the evidence of a factor or an offset (CN-7.5-002). */
function documentsFor(element: Factor | Offset, documents: readonly DocumentInfo[]): DocumentInfo[] {
    // (a name still being typed is missing: then only the serial can match)
    const name = element.name?.replace(/-/g, '_');
    const serial = isOffset(element) && element.serial?.trim() ? element.serial.trim() : undefined;
    return documents.filter(document => {
        if (name && document.name === element.name) return true;
        if (!document.path) return false;
        if (name && fileStem(document.path) === name) return true;
        return !!serial && (document.path.includes(serial) || (document.title ?? '').includes(serial));
    });
}

/** Clause 7: support (7.1 monitoring resources, 7.2 competence, 7.5 documented information). */
export const SUPPORT_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-7.1-001',
        clause: '7.1',
        severity: 'warning',
        title: { en: 'Direct and energy sources are metered', 'zh-CN': '直接排放源和能源间接排放源配备计量器具' },
        description: {
            en: 'Every category 1 or 2 source is monitored by a meter: the source names it in `monitored-by`, or a `meter` `measures` the source.',
            'zh-CN': '每个类别 1 或 2 的排放源都有计量器具监测：排放源以 `monitored-by` 指明计量器具，或有 `meter` 以 `measures` 指向该排放源。'
        },
        rationale: {
            en: 'The organisation determines and provides the monitoring and measuring resources needed for valid results (clause 7.1); GB 17167 and GB/T 32150 expect direct fuel use and purchased energy to be metered.',
            'zh-CN': '组织应确定并提供确保监视和测量结果有效所需的资源（第 7.1 条）；GB 17167 和 GB/T 32150 要求直接燃料消耗和外购能源配备计量器具。'
        },
        messages: {
            unmonitored: {
                en: 'Source {name} (category {category}) is monitored by no meter: no `monitored-by` names one and no `meter` `measures` it.',
                'zh-CN': '排放源 {name}（类别 {category}）没有计量器具监测：既无 `monitored-by` 指明计量器具，也无 `meter` 以 `measures` 指向它。'
            }
        },
        insertsElement: 'meter',
        check: context => {
            const meters = metersBySource(context.elements);
            for (const source of context.declarations(isSource)) {
                const category = mainCategory(source);
                if ((category === '1' || category === '2') && !meters.get(source)?.size) {
                    context.report('unmonitored', { name: source.name, category: source.category ?? category }, source, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-7.1-002',
        clause: '7.1',
        severity: 'error',
        title: { en: 'Meters calibrated through the period', 'zh-CN': '计量器具在报告期内处于校准有效期' },
        description: {
            en: "A meter that measures a source keeps a valid calibration to the end of the period: `calibrated` + `interval` is not before the period's last day. A meter without `calibrated` or `interval` draws a warning.",
            'zh-CN': '测量排放源的计量器具在报告期结束前须保持校准有效：`calibrated` + `interval` 不早于报告期最后一天。缺少 `calibrated` 或 `interval` 的计量器具给出警告。'
        },
        rationale: {
            en: "Measuring equipment is calibrated or verified at specified intervals, and data from equipment found unfit are not valid (clause 7.1, ISO 14064-1 clause 6.2); activity data from an expired meter do not support the period's figures.",
            'zh-CN': '测量设备应按规定的间隔进行校准或检定，不合格设备的数据无效（第 7.1 条、ISO 14064-1 第 6.2 条）；超出校准有效期的计量器具所得活动数据不能支持本期数据。'
        },
        messages: {
            expired: {
                en: 'The calibration of meter {name} ({calibrated} + {interval}) expired on {expires}, before the end of the period {end}, while it measures {sources}.',
                'zh-CN': '计量器具 {name} 的校准（{calibrated} + {interval}）于 {expires} 到期，早于报告期结束日 {end}，而它仍在测量{sources}。'
            },
            missingCalibrated: {
                en: 'Meter {name} measures {sources} but has no `calibrated` date; its calibration cannot be shown to be valid.',
                'zh-CN': '计量器具 {name} 测量{sources}，但没有 `calibrated` 校准日期，无法证明其校准有效。'
            },
            missingInterval: {
                en: 'Meter {name} measures {sources} but has no calibration `interval`; when its calibration expires is unknown.',
                'zh-CN': '计量器具 {name} 测量{sources}，但没有校准周期 `interval`，无法确定其校准何时到期。'
            },
            badInterval: {
                en: 'The calibration interval of meter {name} must be a whole number of days, months or years, not {interval}.',
                'zh-CN': '计量器具 {name} 的校准周期应为整数天、月或年，而不是 {interval}。'
            }
        },
        messageSeverity: { missingCalibrated: 'warning', missingInterval: 'warning' },
        insertsProperty: { missingCalibrated: 'calibrated ${1:2024-01-15}', missingInterval: 'interval ${1:12} months' },
        check: context => {
            const end = context.settings.period?.end;
            const bySource = metersBySource(context.elements);
            const sourcesOf = new Map<Meter, Source[]>();
            for (const [source, meters] of bySource) {
                // a source whose name is half typed has its syntax error; it is named nowhere else either
                if (!source.name) continue;
                for (const meter of meters) {
                    const list = sourcesOf.get(meter);
                    if (list) list.push(source);
                    else sourcesOf.set(meter, [source]);
                }
            }
            for (const meter of context.declarations(isMeter)) {
                const measured = sourcesOf.get(meter) ?? [];
                if (measured.length === 0) continue;
                let named: LocalizedText | undefined;
                const sources = () => (named ??= nameList(measured.map(s => ({ kind: kindText('Source'), name: s.name }))));
                if (!meter.calibrated) {
                    context.report('missingCalibrated', { name: meter.name, sources: sources() }, meter, 'name');
                    continue;
                }
                if (!meter.interval) {
                    context.report('missingInterval', { name: meter.name, sources: sources() }, meter, 'name');
                    continue;
                }
                const interval = durationText(meter.interval);
                if (!isCalendarDate(meter.calibrated)) continue;
                const expires = addDuration(meter.calibrated, meter.interval);
                if (durationCount(meter.interval) === undefined) {
                    context.report('badInterval', { name: meter.name, interval }, meter, 'interval');
                } else if (!expires) {
                    // a date or a span outside the years cnms works with: CN-NUM-012 says so, and no expiry is claimed
                    continue;
                } else if (end && expires < end) {
                    context.report('expired', { name: meter.name, calibrated: meter.calibrated, interval, expires, end, sources: sources() }, meter, 'calibrated');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-7.2-001',
        clause: '7.2',
        severity: 'warning',
        title: { en: 'Training of the roles that do the work', 'zh-CN': '承担碳管理工作的角色接受培训' },
        description: {
            en: 'A role that is the `owner` of work on sources, meters, controls or audits — of a `control`, of a `reduction` on sources, or of a nonconformity raised by an audit — is named by a `training` (`for`).',
            'zh-CN': '作为排放源、计量器具、运行控制或审核相关工作负责人（`owner`）的角色——`control` 的负责人、作用于排放源的 `reduction` 的负责人、审核发现的不符合的负责人——须有 `training` 以 `for` 指向它。'
        },
        rationale: {
            en: 'Persons doing work that affects carbon performance and the fulfilment of compliance obligations are competent on the basis of education, training or experience (clauses 7.2 and 7.3).',
            'zh-CN': '从事影响碳绩效和合规义务履行工作的人员，应在教育、培训或经历的基础上具备能力（第 7.2、7.3 条）。'
        },
        messages: {
            untrained: {
                en: 'Role {name} is responsible for {owns} but no `training` is `for` it.',
                'zh-CN': '角色 {name} 负责{owns}，但没有针对它的培训（`training` 的 `for`）。'
            }
        },
        insertsElement: 'training',
        check: context => {
            const trained = new Set<Role>();
            for (const training of context.declarations(isTraining)) {
                for (const ref of training.roles) if (ref.ref) trained.add(ref.ref);
            }
            const fromAudit = new Set(context.declarations(isAudit).flatMap(audit => audit.findings.map(f => f.ref)));
            const owns = new Map<Role, Array<{ kind: LocalizedText; name: string }>>();
            for (const element of context.elements) {
                const owned = isControl(element) ? element : isReduction(element) && element.on.some(ref => isSource(ref.ref)) ? element : isNonconformity(element) && (!!element.foundIn?.ref || fromAudit.has(element)) ? element : undefined;
                const role = owned?.owner?.ref;
                if (!owned || !role) continue;
                owns.set(role, [...(owns.get(role) ?? []), { kind: kindText(owned.$type), name: owned.name }]);
            }
            for (const role of context.declarations(isRole)) {
                const owned = owns.get(role);
                if (owned && !trained.has(role)) {
                    context.report('untrained', { name: role.name, owns: nameList(owned) }, role, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-7.5-001',
        clause: '7.5',
        severity: 'error',
        title: { en: 'Documents exist in the repository', 'zh-CN': '成文信息存在于代码库中' },
        description: {
            en: "The `path` of every `document`, relative to the model's folder, names a file in the model's repository (the nearest folder at or above the model that holds `.git`, else the model's folder) and does not point outside it. A document without `path` draws a warning.",
            'zh-CN': '每个 `document` 的 `path`（相对于模型目录）须指向模型所在代码库中存在的文件（代码库为模型目录或其上级中最近的含 `.git` 的目录，否则为模型目录本身），且不得指向代码库之外。没有 `path` 的文件给出警告。'
        },
        rationale: {
            en: 'Documented information is controlled so that it is available and suitable for use where and when it is needed (clause 7.5.3); a path that leads nowhere, or out of the controlled repository, is not controlled documented information.',
            'zh-CN': '成文信息应受控，确保在需要的场合和时机可获得并适用（第 7.5.3 条）；路径不存在或指向受控代码库之外的文件，不是受控的成文信息。'
        },
        messages: {
            notFound: {
                en: 'Document {name}: "{path}" does not exist in the model\'s repository.',
                'zh-CN': '文件 {name}：“{path}”在模型所在的代码库中不存在。'
            },
            outside: {
                en: 'Document {name}: "{path}" points outside the model\'s repository; keep documented information under version control beside the model.',
                'zh-CN': '文件 {name}：“{path}”指向模型所在代码库之外；成文信息应与模型一同纳入版本控制。'
            },
            missingPath: {
                en: 'Document {name} has no `path`; where the documented information is kept is unknown.',
                'zh-CN': '文件 {name} 没有 `path`，无法确定该成文信息保存在何处。'
            }
        },
        messageSeverity: { missingPath: 'warning' },
        insertsProperty: { missingPath: 'path "${1:docs/manual.md}"' },
        check: context => {
            const documents = context.declarations(isDocumentInfo);
            if (documents.length === 0) return;
            const place = repositoryOf(context);
            for (const document of documents) {
                if (document.path === undefined) {
                    context.report('missingPath', { name: document.name }, document, 'name');
                    continue;
                }
                if (!place) continue;
                const path = document.path.trim().replace(/\\/g, '/');
                const params = { name: document.name, path: document.path };
                if (isAbsolutePath(path)) {
                    context.report('outside', params, document, 'path');
                    continue;
                }
                const target = UriUtils.joinPath(place.root, path);
                if (!isInsideFolder(target, place.repository)) {
                    context.report('outside', params, document, 'path');
                } else if (path === '' || !context.services.shared.workspace.FileSystemProvider.existsSync(target)) {
                    context.report('notFound', params, document, 'path');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-7.5-002',
        clause: '7.5',
        severity: 'info',
        title: { en: 'Evidence of factors and offsets', 'zh-CN': '排放因子和抵销的证据' },
        description: {
            en: "Every `factor` of the model has a `source` or a document, and every `offset` a document, as evidence. A `document` is the evidence of a factor or an offset when it has the same name, when its file is named after it (`docs/ccer_2024.pdf`), or, for an offset, when its path or title contains the offset's serial.",
            'zh-CN':
                '模型中的每个 `factor` 都有 `source` 或文件作为证据，每个 `offset` 都有文件作为证据。`document` 与排放因子或抵销同名、其文件以其名称命名（如 `docs/ccer_2024.pdf`），或（对抵销而言）其路径或标题含该抵销的序列号时，即为其证据。'
        },
        rationale: {
            en: 'Data and information used in quantification are documented and retained (clause 7.5, ISO 14064-1 clause 8); offsets are supported by evidence of their retirement (ISO 14068-1 clause 11).',
            'zh-CN': '量化所用的数据和信息应形成成文信息并予以保留（第 7.5 条、ISO 14064-1 第 8 章）；抵销应有注销证明作为支持（ISO 14068-1 第 11 章）。'
        },
        messages: {
            factor: {
                en: 'Factor {name} has no `source` and no document as evidence of its values.',
                'zh-CN': '排放因子 {name} 既没有 `source`，也没有文件证明其取值。'
            },
            offset: {
                en: "Offset {name} has no document as evidence (the registry's record of its serial, or its retirement certificate): declare a `document` named {name}, or one whose path contains its serial.",
                'zh-CN': '抵销 {name} 没有文件作为证据（注册登记系统中其序列号的记录或注销证明）：请声明名为 {name} 的 `document`，或路径中含其序列号的 `document`。'
            }
        },
        insertsElement: 'document',
        insertsProperty: { factor: 'source "${1:publisher, document, table}"' },
        check: context => {
            const documents = context.declarations(isDocumentInfo);
            for (const element of context.elements) {
                if (isFactor(element)) {
                    if (!element.source?.trim() && documentsFor(element, documents).length === 0) {
                        context.report('factor', { name: element.name }, element, 'name');
                    }
                } else if (isOffset(element) && documentsFor(element, documents).length === 0) {
                    context.report('offset', { name: element.name }, element, 'name');
                }
            }
        }
    })
];
