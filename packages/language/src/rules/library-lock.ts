import { builtinValuesUsed, currentLock, lockDifference, readLock } from '../semantics/factor-lock.js';
import { defineRule, type Rule } from './rule.js';

/** CN-6.2-019: the built-in values a locked model uses have not changed under it (docs/months.md, "Factor lock"). */
export const LIBRARY_LOCK_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-6.2-019',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Built-in factors as locked', 'zh-CN': '内置因子与锁定一致' },
        description: {
            en: 'When a model has a cnms.lock at its root, every built-in factor or value it uses is recorded there with the content it had, and has not changed since (a new library, or a factor newly used). A model without cnms.lock is not checked; `cnms lock` writes one.',
            'zh-CN': '模型根目录有 cnms.lock 时，模型使用的每个内置因子或数值均记录于其中，且内容此后未变（库已更新，或新使用了某个因子）。没有 cnms.lock 的模型不检查；`cnms lock` 可生成该文件。'
        },
        rationale: {
            en: "An inventory's figures must be reproducible and a change of method or data documented (ISO 14064-1:2018 clauses 6.4 and 9.3; clause 6.2): a factor that changes with a new version of the tool, unnoticed, changes the figures without a decision.",
            'zh-CN': '清单数据须可复现，方法或数据的变更须有记录（ISO 14064-1:2018 第 6.4 条和第 9.3 条；第 6.2 条）：工具新版本中悄然变化的因子会在未经决定的情况下改变数据。'
        },
        messages: {
            changed: {
                en: 'Built-in {id} has changed since cnms.lock was written (library {before}, now {now}): the figures that use it change. `cnms lock` shows by how much; `cnms lock --update` accepts it.',
                'zh-CN': '内置 {id} 自写入 cnms.lock 以来已变化（库版本 {before}，现为 {now}）：使用它的数据随之改变。`cnms lock` 显示变化量；`cnms lock --update` 接受该变化。'
            },
            unlocked: {
                en: 'Built-in {id} is used but not recorded in cnms.lock: run `cnms lock --update` to record it.',
                'zh-CN': '使用了内置 {id}，但 cnms.lock 中没有记录：请运行 `cnms lock --update` 记录它。'
            },
            libraryVersion: {
                en: 'cnms.lock was written with library {before}; this is {now}. No value this model uses has changed: `cnms lock --update` records the new version.',
                'zh-CN': 'cnms.lock 写入时的库版本为 {before}，当前为 {now}。本模型使用的数值均未变化：`cnms lock --update` 记录新版本。'
            },
            badLock: {
                en: 'cnms.lock cannot be read ({reason}): run `cnms lock --update` to write it again.',
                'zh-CN': '无法读取 cnms.lock（{reason}）：请运行 `cnms lock --update` 重新写入。'
            }
        },
        messageSeverity: { libraryVersion: 'info' },
        check: context => {
            const locked = readLock(context.services, context.model);
            if (!locked) return;
            const organization = context.organization;
            if ('error' in locked) {
                if (organization) context.report('badLock', { reason: locked.error }, organization, 'name');
                return;
            }
            const difference = lockDifference(locked, currentLock(context.services, context.model));
            const uses = new Map(builtinValuesUsed(context.services, context.model).map(use => [use.id, use]));
            for (const id of difference.changed) context.report('changed', { id, before: difference.libraryBefore, now: difference.libraryNow }, uses.get(id)!.firstUse);
            for (const id of difference.unlocked) context.report('unlocked', { id }, uses.get(id)!.firstUse);
            if (difference.changed.length + difference.unlocked.length === 0 && difference.libraryBefore !== difference.libraryNow && organization) {
                context.report('libraryVersion', { before: difference.libraryBefore, now: difference.libraryNow }, organization, 'name');
            }
        }
    })
];
