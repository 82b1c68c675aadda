// audit_catalogue.cpp — the one table of audit checks: code, family, severity, block, titles and
// the zh/en message templates. `{name}` in a template is replaced by the finding's evidence value
// `name` (src/audit/audit.cpp). docs/checks.md documents the same table; a test keeps them in step.
#include <jixiao/audit.hpp>

#include <array>

namespace jixiao {
namespace {

using enum check_family;
using enum severity;

// clang-format off
constexpr std::array catalogue{
    // ---- arithmetic --------------------------------------------------------------------------
    check_info{"funds.sources_mismatch", arithmetic, error, "funds",
        "资金来源合计与年度资金总额不符", "Funding sources do not add up to the annual total",
        "In a column of the funds block (年初预算数, 全年预算数, 全年执行数), 当年财政拨款 + 上年结转资金 + "
        "其他资金 differs from 年度资金总额. Checked only where at least one source cell holds a number; "
        "blank source cells count as 0 then. Exact comparison.",
        "项目资金“{column_zh}”列：年度资金总额为 {total}，但当年财政拨款 {current_appropriation} + 上年结转资金 "
        "{prior_carryover} + 其他资金 {other} = {sum}，相差 {difference}。",
        "Funds, column {column_en}: the annual total is {total} but the sources add up to {sum} "
        "(current appropriation {current_appropriation} + prior carry-over {prior_carryover} + other {other}); "
        "difference {difference}."},
    check_info{"funds.negative_amount", arithmetic, error, "funds",
        "资金数额为负", "Negative amount in the funds block",
        "An amount of the funds block (any row of 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金, any column "
        "of 年初预算数 / 全年预算数 / 全年执行数) is below zero. Money budgeted or spent is never negative; a "
        "negative 全年预算数 also takes the execution line out of scoring (see total.incomplete).",
        "项目资金“{row_zh}”行“{column_zh}”列为负数 {amount}（原文“{text}”）。",
        "Funds, row {row_en}, column {column_en}: the amount {amount} is negative (text \"{text}\")."},
    check_info{"funds.executed_exceeds_budget", arithmetic, warning, "funds",
        "全年执行数超过全年预算数", "Executed amount exceeds the full-year budget",
        "全年执行数 of the total row is greater than its 全年预算数 (exact). The execution score is capped "
        "at the weight when the rulebook says so, but spending beyond the budget needs an explanation.",
        "全年执行数 {executed} 超过全年预算数 {full_year_budget}（执行率 {rate}%）。",
        "The executed amount {executed} exceeds the full-year budget {full_year_budget} (rate {rate}%)."},
    check_info{"funds.execution_rate_mismatch", arithmetic, error, "funds",
        "填报执行率与计算不符", "Reported execution rate differs from the computed rate",
        "执行率 as reported differs from 全年执行数 / 全年预算数 rounded (half away from zero) to the "
        "number of places the form itself reports (so `86%` is compared with the rate rounded to whole "
        "percent).",
        "填报执行率为 {reported}%，按全年执行数 {executed} / 全年预算数 {full_year_budget} 计算应为 {computed}%。",
        "The reported execution rate is {reported}% but executed {executed} / budget {full_year_budget} "
        "gives {computed}%."},
    check_info{"funds.execution_score_mismatch", arithmetic, error, "funds",
        "预算执行率得分与计算不符", "Reported execution score differs from the computed score",
        "得分 of the funds block differs from the scorecard's execution score (weight x rate, capped and "
        "rounded per the rulebook) by more than audit.score_tolerance.",
        "预算执行率得分填报 {reported} 分，按规则计算为 {computed} 分（{formula}），相差 {difference}。",
        "The execution score is reported as {reported} but computes to {computed} ({formula}); "
        "difference {difference}."},
    check_info{"indicator.score_mismatch", arithmetic, error, "indicators",
        "指标得分与计算不符", "Reported indicator score differs from the computed score",
        "The scorecard computed this indicator's score from a rule (met -> full weight, ratio formulas) and "
        "the reported 得分 differs by more than audit.score_tolerance.",
        "指标“{indicator_name}”得分填报 {reported} 分，按规则计算为 {computed} 分（{formula}），相差 {difference}。",
        "Indicator \"{indicator_name}\": the reported score {reported} differs from the computed {computed} "
        "({formula}); difference {difference}."},
    check_info{"score.out_of_range", arithmetic, error, "indicators",
        "得分超出分值或为负", "Score above its weight or below zero",
        "A reported 得分 (indicator or funds line) is greater than its 分值 or negative.",
        "“{line}”得分 {reported} 超出 0 至分值 {weight} 的范围。",
        "\"{line}\": the score {reported} lies outside 0 .. its weight {weight}."},
    check_info{"weights.sum_mismatch", arithmetic, error, "indicators",
        "分值合计不符", "Weights do not sum to the total",
        "The indicator weights must sum to audit.indicator_weight (90) and, with the funds weight, to "
        "audit.total_weight (100). Field `indicators` when the indicator sum is off, `total` when only the "
        "grand sum is off.",
        "分值合计为 {sum}，应为 {expected}（指标分值合计 {indicator_sum}，预算执行率分值 {execution_weight}）。",
        "The weights sum to {sum}, expected {expected} (indicators {indicator_sum}, execution {execution_weight})."},
    check_info{"total.weight_mismatch", arithmetic, error, "total",
        "总分分值与各项分值之和不符", "Reported total weight differs from the sum of the weights",
        "The 分值 of the 总分 row differs from the sum of the funds weight and every indicator weight.",
        "总分分值填报 {reported}，但各项分值之和为 {sum}。",
        "The total weight is reported as {reported} but the weights add up to {sum}."},
    check_info{"total.sum_mismatch", arithmetic, error, "total",
        "总分与各项得分之和不符", "Reported total differs from the sum of the reported scores",
        "The 得分 of the 总分 row differs from the sum of the reported scores (funds line and every "
        "indicator). Exact.",
        "总分填报 {reported}，但各项填报得分之和为 {sum}，相差 {difference}。",
        "The reported total {reported} differs from the sum of the reported scores {sum}; difference {difference}."},
    check_info{"total.computed_mismatch", arithmetic, warning, "total",
        "总分与重新计算结果不符", "Reported total differs from the recomputed total",
        "The reported total differs from the scorecard's computed total (computed scores where a rule "
        "defines them, valid reported scores elsewhere) by more than audit.score_tolerance. Only when every "
        "line contributed to the computed total.",
        "总分填报 {reported}，重新计算为 {computed}，相差 {difference}。",
        "The reported total {reported} differs from the recomputed total {computed}; difference {difference}."},
    check_info{"total.incomplete", arithmetic, warning, "total",
        "总分只能部分核算", "The total can be recomputed only in part",
        "A line of the form (the execution line or an indicator) could not be scored (status not_scorable: "
        "a missing or unreadable weight, target, actual, budget ...), so the computed total leaves it out and "
        "total.computed_mismatch is not checked. This finding names each line left out and why, and still "
        "compares the reported total with what can be computed: the computed lines plus the reported scores "
        "of the lines left out (a partial check; evidence `comparable` and `difference` when every line left "
        "out has a reported score).",
        "总分无法完整核算：{missing_zh} 未计入；{comparison_zh}。",
        "The total cannot be fully recomputed: {missing_en} left out; {comparison_en}."},
    check_info{"total.grade_mismatch", arithmetic, error, "total",
        "评价等级与总分不符", "Reported grade does not match the total",
        "The reported grade (优/良/中/差) is not the rulebook's grade for the reported total.",
        "评价等级填报“{reported}”，但总分 {total} 对应“{expected}”。",
        "The reported grade \"{reported}\" does not match the total {total}, which earns \"{expected}\"."},
    // ---- rule fit ----------------------------------------------------------------------------
    check_info{"rule.level1_weight", rule_fit, notice, "indicators",
        "一级指标分值偏离指引", "Level-1 weight departs from the guidance",
        "The weights of a level-1 category (成本 counted as weights.cost_counts_as, 产出 by default) sum to "
        "something other than the rulebook's guidance (产出 50 / 效益 30 / 满意度 10; the funds line 10, "
        "reported in block `funds`). Guidance, not law: a notice. A missing satisfaction category is "
        "reported by rule.no_satisfaction instead.",
        "{category_zh}分值合计 {weight}，指引为 {guidance}。",
        "{category} weights sum to {weight}; the guidance is {guidance}."},
    check_info{"rule.no_satisfaction", rule_fit, warning, "indicators",
        "缺少满意度指标", "No satisfaction indicator",
        "The form has no 满意度指标 (level 1 satisfaction), which the guidance expects (weight 10).",
        "未设置满意度指标（指引分值 {guidance}）。",
        "The form has no satisfaction indicator (guidance weight {guidance})."},
    check_info{"rule.tier_out_of_band", rule_fit, error, "indicators",
        "定性指标得分超出档次区间", "Qualitative score outside its tier band",
        "The actual names a qualitative tier (达成年度指标 / 部分达成… / 未达成…) and the reported score lies "
        "outside that tier's band of the weight (rulebook qualitative tiers).",
        "指标“{indicator_name}”评为“{tier}”，得分应在 {band} 内，填报 {reported}。",
        "Indicator \"{indicator_name}\" is rated \"{tier}\": its score must lie in {band}, reported {reported}."},
    check_info{"rule.units_incompatible", rule_fit, error, "indicators",
        "指标值与完成值单位不一致", "Target and actual in incompatible units",
        "Target and actual are both quantities (or ranges) but their units measure different things "
        "(`>=90` vs `>=90%`, 元 vs 人次): they cannot be compared and the line cannot be computed.",
        "指标“{indicator_name}”的年度指标值“{target}”（单位：{target_unit}）与实际完成值“{actual}”（单位：{actual_unit}）单位不一致，无法比较。",
        "Indicator \"{indicator_name}\": target \"{target}\" (unit: {target_unit}) and actual \"{actual}\" "
        "(unit: {actual_unit}) are in incompatible units and cannot be compared."},
    check_info{"rule.target_unit_missing", rule_fit, warning, "indicators",
        "量化指标值缺少单位", "Quantitative target without a unit",
        "The target is a number with a comparator but no unit (`<=16`), and the number is not 0; a count, "
        "amount or rate needs its unit. Not reported when the actual carries a unit (see "
        "rule.units_incompatible).",
        "指标“{indicator_name}”的年度指标值“{target}”缺少计量单位。",
        "Indicator \"{indicator_name}\": the target \"{target}\" has no unit."},
    check_info{"rule.target_number_missing", rule_fit, warning, "indicators",
        "量化指标值缺少数值", "Quantitative target without a number",
        "The target text looks quantitative (a comparator sign or %) but holds no digit (`≥%`, `达到%`).",
        "指标“{indicator_name}”的年度指标值“{target}”缺少数值。",
        "Indicator \"{indicator_name}\": the target \"{target}\" has no number."},
    check_info{"rule.quantity_upper_bound", rule_fit, notice, "indicators",
        "数量指标以上限设定", "Quantity target set as an upper bound",
        "A 数量指标 (output quantity) has a `<=` or `<` target: it caps the output instead of requiring it, "
        "so delivering more would count as failing. Usually the comparator should be `>=` or `=`.",
        "数量指标“{indicator_name}”的年度指标值“{target}”为上限（≤/<），产出数量一般应以下限（≥）或定值（=）设定。",
        "Quantity indicator \"{indicator_name}\": the target \"{target}\" is an upper bound; an output "
        "quantity is normally set as a minimum (>=) or an exact value (=)."},
    // ---- evidence quality --------------------------------------------------------------------
    check_info{"evidence.actual_restates_target", evidence, warning, "indicators",
        "实际完成值照抄指标值", "Actual restates the target",
        "The actual carries the same bound comparator (>=, >, <=, <, 接近) and the same number as the target "
        "(`>=80%` for `>=80%`; also when only one side lost its unit, `>=90` vs `>=90%`): it repeats the "
        "promise instead of reporting a measurement. `=7个` for `=7个` is read as the measurement 7 and is "
        "not reported.",
        "指标“{indicator_name}”的实际完成值“{actual}”照抄年度指标值“{target}”，未填报实际测量结果。",
        "Indicator \"{indicator_name}\": the actual \"{actual}\" restates the target \"{target}\" instead of "
        "reporting a measured value."},
    check_info{"evidence.actual_is_bound", evidence, warning, "indicators",
        "实际完成值为区间而非实测值", "Actual is a bound, not a measurement",
        "The actual carries a bound comparator (`>=85%`) but is not the target restated: it still does not "
        "say what was measured.",
        "指标“{indicator_name}”的实际完成值“{actual}”是一个范围，不是实际测量值（年度指标值“{target}”）。",
        "Indicator \"{indicator_name}\": the actual \"{actual}\" is a bound, not a measured value (target "
        "\"{target}\")."},
    check_info{"evidence.actual_not_measured", evidence, notice, "indicators",
        "数值型指标以文字填报完成值", "Numeric target answered in words",
        "The target is a number (`>=95%`) but the actual is a word or a sentence (`完成`, `及时`): no figure "
        "is reported, so the score rests on the evaluator's judgement.",
        "指标“{indicator_name}”的年度指标值为数值“{target}”，实际完成值却为文字“{actual}”。",
        "Indicator \"{indicator_name}\": the target is the number \"{target}\" but the actual is the text "
        "\"{actual}\"."},
    check_info{"evidence.goal_copied", evidence, warning, "goal",
        "实际完成情况照抄预期目标", "Achieved goal text copies the expected goal",
        "The 实际完成情况 text is identical or nearly identical to the 预期目标 text: character-bigram Dice "
        "similarity (whitespace removed, first 4000 characters) at or above audit.goal_similarity_threshold "
        "(0.90). The similarity is given exactly, in percent to 2 places.",
        "年度总体目标的实际完成情况与预期目标{identical_zh}（相似度 {similarity}%），未反映实际完成情况。",
        "The achieved goal text is {identical_en} the expected goal text (similarity {similarity}%): it does "
        "not report what was achieved."},
    check_info{"evidence.shortfall_unexplained", evidence, warning, "indicators",
        "扣分未说明偏差原因", "Score below weight with no deviation note",
        "The reported score is below the weight and 偏差原因分析及改进措施 is empty.",
        "指标“{indicator_name}”得分 {reported} 低于分值 {weight}，但未填写偏差原因分析及改进措施。",
        "Indicator \"{indicator_name}\" scores {reported} of {weight} but gives no deviation note."},
    check_info{"evidence.over_achievement_unexplained", evidence, warning, "indicators",
        "超额完成未说明原因", "Over-achievement without an explanation",
        "The actual beats the target by audit.over_achievement_threshold (0.30) or more — deviation "
        "(actual - target) / target, on the favourable side — and the deviation note is empty: the target "
        "was set too low or the actual is wrong.",
        "指标“{indicator_name}”实际完成值“{actual}”较年度指标值“{target}”偏离 {deviation}%（阈值 {threshold}%），但未说明原因。",
        "Indicator \"{indicator_name}\": the actual \"{actual}\" departs from the target \"{target}\" by "
        "{deviation}% (threshold {threshold}%) with no explanation."},
    check_info{"evidence.full_marks_unsupported", evidence, warning, "form",
        "全部满分但缺乏支撑", "Every indicator at full marks without support",
        "Every indicator reports its full weight while the execution rate (as shown, rounded) is below 100% "
        "or at least one actual restates its target.",
        "全部 {indicators} 项指标均为满分，但{reason_zh}。",
        "All {indicators} indicators report full marks although {reason_en}."},
    check_info{"evidence.vague_target", evidence, notice, "indicators",
        "可量化指标使用模糊指标值", "Vague target for a measurable indicator",
        "The indicator's name names a measurable thing (it ends in 率, 数, 数量, 次数, 人数, 户数, 个数; 效率 "
        "excepted) but its target is a word (`及时`, `提升`, `有效`) instead of a number.",
        "指标“{indicator_name}”可以量化，但年度指标值为模糊表述“{target}”。",
        "Indicator \"{indicator_name}\" is measurable but its target is the vague word \"{target}\"."},
    // ---- declaration (目标申报表: targets only, before the year) ---------------------------
    check_info{"declaration.target_not_measurable", declaration, warning, "indicators",
        "申报指标值不可衡量", "Declared target is not measurable",
        "A declaration's target is neither a number (with or without comparator), a range, a time point "
        "nor a label of the value parser's qualitative table (tiers, 及时, 提升, 健全 ...): free text, a short "
        "unknown label, or not applicable (`—`); or the indicator's name says it is measured by a number "
        "(vocabulary::measurable_name_endings: 率, 数, 数量, 人数 ...; 效率 excepted) and the target is a "
        "word. Not reported when declaration.vague_target or rule.target_number_missing already is.",
        "指标“{indicator_name}”的年度指标值“{target}”不可衡量：{reason_zh}。",
        "Indicator \"{indicator_name}\": the target \"{target}\" is not measurable: {reason_en}."},
    check_info{"declaration.target_unit_missing", declaration, warning, "indicators",
        "申报指标值缺少计量单位", "Declared number without the unit its name implies",
        "A declaration's target is a non-zero number without a unit and the indicator's name implies one "
        "(name_unit_hints(): 率 and 满意度 -> %, 人数 -> 人, 次数 -> 次, 个数 -> 个, 户数 -> 户, 天数 -> 天, 人次, "
        "成本 / 金额 / 费用 / 经费 -> 元, 数量 -> a count unit). Reported instead of rule.target_unit_missing "
        "for such names.",
        "指标“{indicator_name}”的年度指标值“{target}”只有数字、没有计量单位，按指标名称“{ending}”应为{unit_zh}。",
        "Indicator \"{indicator_name}\": the target \"{target}\" is a number without a unit; a name ending in "
        "\"{ending}\" needs {unit_en}."},
    check_info{"declaration.target_copies_name", declaration, warning, "indicators",
        "申报指标值照抄指标名称", "Declared target repeats the indicator name",
        "A declaration's target holds no digit and, compared over normalize_name (whitespace removed, "
        "full-width turned half-width), equals the indicator's name or has a text_similarity "
        "with it of at least audit.goal_similarity_threshold (0.90): it names the indicator and sets no target.",
        "指标“{indicator_name}”的年度指标值“{target}”只是重复了指标名称（相似度 {similarity}%），没有设定目标。",
        "Indicator \"{indicator_name}\": the target \"{target}\" only repeats the indicator's name "
        "(similarity {similarity}%) and sets no target."},
    check_info{"declaration.vague_target", declaration, warning, "indicators",
        "申报指标值表述模糊", "Vague declared target",
        "A declaration's target holds a vague word of vague_target_words() (较好, 有效提升, 明显改善, "
        "进一步提高, 逐步 ...) and no digit, so nothing can be checked against it at the end of the year.",
        "指标“{indicator_name}”的年度指标值“{target}”表述模糊（“{word}”），没有可以核验的数值或标准。",
        "Indicator \"{indicator_name}\": the target \"{target}\" is vague (\"{word}\") and has no number or "
        "standard to check it by."},
    check_info{"declaration.funds_requested_mismatch", declaration, error, "funds",
        "申报资金与资金来源合计不符", "Funds requested differ from the sum of their sources",
        "A declaration's funds requested (年度资金总额 / 资金总额, the total row's 年初预算数 column) differ from "
        "当年财政拨款 + 上年结转资金 + 其他资金 of that column, exactly. Checked only when at least one source "
        "is printed as a number (blank sources count as 0 then). The other columns, when printed, are "
        "funds.sources_mismatch.",
        "申报资金总额为 {requested}，但资金来源当年财政拨款 {current_appropriation} + 上年结转资金 "
        "{prior_carryover} + 其他资金 {other} = {sum}，相差 {difference}。",
        "The funds requested are {requested} but the sources add up to {sum} (current appropriation "
        "{current_appropriation} + prior carry-over {prior_carryover} + other {other}); difference {difference}."},
    check_info{"declaration.level1_missing", declaration, warning, "indicators",
        "缺少必设的一级指标", "A required level-1 block has no indicator",
        "A declaration has no indicator under 产出指标 or under 效益指标, or under 满意度指标 when the rulebook "
        "gives satisfaction a weight (weights.satisfaction, as rule.no_satisfaction decides). One finding per "
        "block; field = the category id.",
        "没有“{category_zh}”下的任何指标，申报时至少应设置一项。",
        "No indicator under the level-1 block {category} ({category_zh}); a declaration needs at least one."},
    check_info{"declaration.no_cost_indicator", declaration, warning, "indicators",
        "没有成本指标", "No cost indicator",
        "A declaration has no cost indicator: none under the level-1 成本指标 and none of a cost level 2 (产出 / "
        "成本, 经济成本, 社会成本, 生态环境成本). 财预〔2021〕101号 asks for cost indicators.",
        "没有成本指标（一级指标“成本指标”或二级指标“成本指标”“经济成本指标”等），申报时应设置。",
        "No cost indicator (level-1 成本指标 or a cost level 2); a declaration should set one."},
    check_info{"declaration.satisfaction_as_output", declaration, warning, "indicators",
        "满意度指标列为产出指标", "Satisfaction indicator filed under output",
        "An indicator whose name holds 满意 (满意度, 满意率) is filed under the level-1 产出指标: satisfaction "
        "belongs to 满意度指标 (or 效益指标 in older forms), not to output.",
        "指标“{indicator_name}”是满意度指标，却列在一级指标“{level1_text}”下，应列入满意度指标。",
        "Indicator \"{indicator_name}\" measures satisfaction but is filed under \"{level1_text}\" (output); "
        "it belongs to the satisfaction block."},
    // ---- link (a declaration and its self-evaluation; a department and its projects) --------
    check_info{"link.several_declarations", link, notice, "form",
        "有多张对应的申报表", "Several declarations match",
        "More than one declaration of the batch has this self-evaluation's unit, project name and year; the "
        "first in batch order is compared and the others are named.",
        "本批中有 {count} 张申报表与本表的单位、项目名称和年度相同，按 {declaration_source} 第 {declaration_form} "
        "张比对（其余：{others}）。",
        "{count} declarations of the batch have this form's unit, project name and year; compared with form "
        "{declaration_form} of {declaration_source} (others: {others})."},
    check_info{"link.target_changed", link, warning, "indicators",
        "指标值与申报时不同", "Target changed after the declaration",
        "The self-evaluation's target of an indicator differs from the target declared for it: different "
        "comparators, numbers that differ exactly (across scales of one dimension: 3.5万元 = 35000元), or, for "
        "words and text, different text after normalize_name. Not reported when link.target_lowered_to_actual is.",
        "指标“{indicator_name}”的年度指标值为“{target}”，而 {declaration_source} 第 {declaration_form} 张申报表中"
        "“{declared_name}”的指标值为“{declared}”。",
        "Indicator \"{indicator_name}\": the target \"{target}\" differs from the target \"{declared}\" declared "
        "for \"{declared_name}\" (form {declaration_form} of {declaration_source})."},
    check_info{"link.target_lowered_to_actual", link, error, "indicators",
        "指标值降低到实际完成值", "Target lowered to what was achieved",
        "The target was made easier than declared (a lower number for >=, >, = targets; a higher one for <=, "
        "< targets; the same comparator, exact comparison in one dimension) and the actual meets the new "
        "target but not the declared one: the change turned a shortfall into full marks. Evidence "
        "`actual_equals_target` says whether the new target is exactly the actual.",
        "指标“{indicator_name}”的年度指标值由申报时的“{declared}”改为“{target}”，实际完成值“{actual}”"
        "达到新的指标值而未达到申报的指标值（{declaration_source} 第 {declaration_form} 张申报表）。",
        "Indicator \"{indicator_name}\": the target was lowered from the declared \"{declared}\" to \"{target}\"; "
        "the actual \"{actual}\" meets the new target but not the declared one (form {declaration_form} of "
        "{declaration_source})."},
    check_info{"link.indicator_dropped", link, warning, "indicators",
        "申报的指标未自评", "Declared indicator dropped",
        "An indicator of the declaration has no match in the self-evaluation (neither the same name after "
        "normalize_name nor a name with text_similarity >= link_options::name_similarity, 0.80). Form-level "
        "finding (no indicator index), field `indicators`.",
        "{declaration_source} 第 {declaration_form} 张申报表中的指标“{declared_name}”（指标值“{declared}”）"
        "在本表中没有。",
        "The declared indicator \"{declared_name}\" (target \"{declared}\", form {declaration_form} of "
        "{declaration_source}) is missing from this form."},
    check_info{"link.indicator_added", link, notice, "indicators",
        "自评时新增的指标", "Indicator added after the declaration",
        "An indicator of the self-evaluation matches no indicator of its declaration.",
        "指标“{indicator_name}”不在 {declaration_source} 第 {declaration_form} 张申报表中，是自评时新增的。",
        "Indicator \"{indicator_name}\" is not in the declaration (form {declaration_form} of "
        "{declaration_source}): added at the self-evaluation."},
    check_info{"link.department_project_funds", link, notice, "funds",
        "部门项目支出与项目自评表不符", "Department project spending differs from its project forms",
        "A department self-evaluation's funds line whose label holds 项目支出, column 全年执行数, differs from the "
        "sum of the 全年执行数 (total row) of the project and transfer self-evaluations of the batch of the same "
        "unit and year (amounts in 元, 万元 scaled exactly). A notice: the batch may not hold every project.",
        "部门整体“{line_label}”全年执行数为 {department_amount} 元，而本批中该单位 {projects} 张项目自评表的"
        "全年执行数合计 {project_sum} 元，相差 {difference} 元（本批可能未包含全部项目）。",
        "The department's \"{line_label}\" executed amount is {department_amount} yuan, but the {projects} "
        "project forms of the unit in this batch add up to {project_sum} yuan; difference {difference} "
        "(the batch may not hold every project)."},
    // ---- hygiene -----------------------------------------------------------------------------
    check_info{"hygiene.required_empty", hygiene, error, "form",
        "必填项为空", "Required field is empty",
        "A required cell is blank: 项目名称, 主管部门, 全年预算数 (年度资金总额 row), and for each indicator "
        "年度指标值, 实际完成值, 分值, 得分.",
        "必填项“{field_zh}”为空{place_zh}。",
        "The required field {field_en} is empty{place_en}."},
    check_info{"hygiene.not_scorable", hygiene, warning, "form",
        "无法评分的空表", "Form that cannot be scored",
        "No indicator and no funds figure was read: the form is an empty shell (a cover page, a "
        "template, a form the reader could not make out). It gets no total and no grade.",
        "未读到任何绩效指标和资金数额，该表无法评分，不给出等级。",
        "No indicator and no funds figure was read: the form cannot be scored and gets no grade."},
    check_info{"batch.duplicate_form", hygiene, warning, "form",
        "重复提交的同一张表", "The same form submitted twice",
        "A form of the batch repeats an earlier one: the same 项目名称, 主管部门, 实施单位 and year, the same "
        "funds figures, the same indicators (names, values, scores) and the same reported total, as printed. "
        "Reported on each later copy, naming the first; each copy still counts in the portfolio, so a "
        "reviewer can drop it. Only `jixiao score|audit|summary` and Python `evaluate_batch` see a batch.",
        "本表与 {first_source} 第 {first_form} 张表相同（项目、单位、年度、资金和指标均一致），疑为重复提交。",
        "This form repeats form {first_form} of {first_source} (same project, units, year, funds and "
        "indicators): submitted twice?"},
    check_info{"cell.not_a_number", hygiene, error, "form",
        "应填数字处不是数字", "A number is required but the cell is not a number",
        "A cell that must hold a number (分值, 得分, a funds amount, 执行率, the 总分 row) holds text that does "
        "not read as one: `七分`, `seven`, `7-8`. Its printed text and the parser's message are the evidence; "
        "it is never reported as empty, and the recognizer keeps it in its column when the row's meaning is "
        "certain (no cell missing before it) instead of re-aligning the row.",
        "“{cell_zh}”应为数字，但填写的是“{text}”（{error_zh}）。",
        "The {cell_en} must be a number but reads \"{text}\" ({error})."},
    check_info{"hygiene.unparsed_value", hygiene, warning, "form",
        "无法识别的数值", "Value that could not be read",
        "A value expression (年度指标值, 实际完成值) did not parse: its text and error are kept, and the line "
        "cannot be checked. (A number cell that does not parse is cell.not_a_number.)",
        "“{cell_zh}”的内容“{text}”无法识别：{error_zh}。",
        "The {cell_en} \"{text}\" could not be read: {error}."},
    check_info{"hygiene.unknown_category", hygiene, notice, "indicators",
        "一级指标无法识别", "Unrecognised level-1 category",
        "The indicator's 一级指标 is not one of 产出/成本/效益/满意度: its weight counts toward no category.",
        "指标“{indicator_name}”的一级指标“{label}”无法识别。",
        "Indicator \"{indicator_name}\": the level-1 category \"{label}\" is not recognised."},
    check_info{"import.repair", hygiene, notice, "import",
        "导入时修复的单元格", "Cell repaired on import",
        "The recognizer repaired damage in the source (io::note_kind::repair): a line-wrap space "
        "removed, a name split by a page break joined, a page number dropped.",
        "导入修复：{message_zh}（原文“{text}”）。",
        "Repaired on import: {message} (text \"{text}\")."},
    check_info{"import.unmapped", hygiene, notice, "import",
        "导入时未使用的单元格", "Cell not used on import",
        "A non-empty cell of the source is in no form field (io::note_kind::unmapped): a header "
        "fragment, stray text. Listed so that nothing is dropped silently.",
        "导入时未使用的内容：{message_zh}（原文“{text}”）。",
        "Not used on import: {message} (text \"{text}\")."},
    check_info{"ocr.uncertain", hygiene, warning, "import",
        "OCR 识别待核对的单元格", "Cell read by OCR, to be checked",
        "A cell of a scan read by OCR (jixiao::ocr) whose least certain word is below the confidence "
        "threshold (read_options::ocr.low_confidence, 80 by default), or whose text the value grammar "
        "repaired (IO -> 10, 万兀 -> 万元). Listed with its page and box so that a person checks exactly "
        "those cells against the scan; the arithmetic checks say where the figures disagree.",
        "OCR 识别待核对：“{text}”（{message_zh}；{message}）。",
        "Read by OCR, to be checked: \"{text}\" ({message})."},
    check_info{"import.warning", hygiene, warning, "import",
        "导入警告", "Import warning",
        "Something the recognizer says a reviewer should know (io::note_kind::warning): a truncated "
        "form, a missing block.",
        "导入警告：{message_zh}（原文“{text}”）。",
        "Import warning: {message} (text \"{text}\")."},
};
// clang-format on

// Vague words of a declared target (declaration.vague_target): a target holding one and no digit.
// Longer words first, so that the evidence names the longest one found.
constexpr std::string_view vague_words[] = {
    "进一步提高", "进一步提升", "进一步改善", "进一步加强", "一定程度", "有效提升", "有效改善", "明显改善",
    "明显提升", "明显提高", "显著提升", "显著改善", "大幅提升", "稳步提升", "不断提高", "持续提升", "持续改善",
    "进一步", "有所", "逐步", "较好", "较高", "较大", "较强", "基本", "尽量", "力争"};

// Indicator-name endings that imply a unit for a number (declaration.target_unit_missing), longest
// first. An empty unit: "a count or measure unit" (数量: 个, 人, 次 ... as the thing counted).
constexpr std::array unit_hints{
    name_unit_hint{"满意度", "%"}, name_unit_hint{"满意率", "%"}, name_unit_hint{"人次", "人次"},
    name_unit_hint{"次数", "次"},   name_unit_hint{"人数", "人"},   name_unit_hint{"户数", "户"},
    name_unit_hint{"个数", "个"},   name_unit_hint{"天数", "天"},   name_unit_hint{"数量", ""},
    name_unit_hint{"成本", "元"},   name_unit_hint{"金额", "元"},   name_unit_hint{"费用", "元"},
    name_unit_hint{"经费", "元"},   name_unit_hint{"率", "%"},
};

}  // namespace

std::span<const check_info> check_catalogue() noexcept { return catalogue; }

std::span<const std::string_view> vague_target_words() noexcept { return vague_words; }

std::span<const name_unit_hint> name_unit_hints() noexcept { return unit_hints; }

namespace {

struct note_text {
    std::string_view code;
    std::string_view zh;
};

// The Chinese of each import note code (the recognizer writes its notes in English, with the
// particulars; the Chinese says what was done, and the finding quotes the cell's text).
// clang-format off
constexpr std::array import_notes_zh{
    note_text{"actual_unit_from_column", "实际完成值未写单位，按指标值的计量单位读取"},
    note_text{"amount_split_joined", "以万元计到元（四位小数）的金额在最后一位数字前被拆开（如 968.191 8），已合并"},
    note_text{"category_points", "一级指标的分值写在标签中，已读出"},
    note_text{"cell_unmapped", "该单元格不属于表中任何栏目，原文保留在报告中"},
    note_text{"deviation_from_next_line", "下一行的偏差原因说明归入本指标"},
    note_text{"figures_split_by_arithmetic", "连在一起的数字按执行率和得分的算术关系拆分"},
    note_text{"form_not_scorable", "未读到任何指标和资金数额，该表无法评分"},
    note_text{"formula_without_value", "工作簿中有公式单元格没有缓存的计算结果，按空白读取（总分或得分可能因此缺失）；请在 Excel 中打开并保存，或用 LibreOffice 重新计算后再读取"},
    note_text{"funds_aligned_by_meaning", "资金行与表头未对齐（空单元格被省略），按含义放置各数额"},
    note_text{"funds_placed_by_meaning", "资金数额按含义放入对应栏目"},
    note_text{"funds_total_guess_replaced", "没有行标签而被当作合计行的数字，已由带“合计”标签的行取代（这些数字列入报告）"},
    note_text{"funds_unit_in_amount", "金额连同货币单位一起填写（如 10606.7522万元），已读出数字，单位按资金表的单位"},
    note_text{"funds_row_repeated", "同一资金行出现两次，保留后一行"},
    note_text{"goal_text_joined", "下一行续写的目标文字已接上"},
    note_text{"header_repeated", "分页后重复的表头已跳过"},
    note_text{"html_tags_stripped", "去除了目标文字中的网页标记，段落以换行分隔"},
    note_text{"indicator_without_values", "该指标行只有名称，没有指标值、分值和得分"},
    note_text{"label_from_below", "合并单元格的一级指标标签印在下方（分页），取自下方"},
    note_text{"label_from_next_page", "分页前的行缺少二级指标标签，取自下一页"},
    note_text{"label_from_points", "上一个一级指标的分值已由其各行分值填满，其后的行属于随后印出的一级指标"},
    note_text{"line_break_removed", "去除了单元格内因换行产生的空白"},
    note_text{"money_unit_assumed", "项目资金表头未写单位，按元读取"},
    note_text{"name_cells_joined", "跨两个单元格的三级指标名称已合并"},
    note_text{"no_funds_block", "未找到项目资金部分"},
    note_text{"no_goal_block", "未找到年度总体目标部分"},
    note_text{"no_indicator_table", "未找到绩效指标表（一级指标、二级指标、三级指标表头）"},
    note_text{"no_indicators", "绩效指标表中没有指标行"},
    note_text{"no_project_name", "未找到项目名称"},
    note_text{"no_title", "项目名称之前没有表名"},
    note_text{"no_total_row", "没有总分行，表格可能不完整"},
    note_text{"no_year", "表名附近没有年度"},
    note_text{"ocr_uncertain", "OCR 识别置信度低或经数值语法修复，请对照扫描件核对"},
    note_text{"page_number_dropped", "去除了混入表格的页码"},
    note_text{"row_joined", "被分页拆开的一行已合并"},
    note_text{"second_indicator_table", "同一张表中出现第二个指标表头，其各行已接在后面"},
    note_text{"split_label_dropped", "去除了分页时印在表格旁的竖排标签片段"},
    note_text{"target_folded", "指标性质、指标值和度量单位合为一个年度指标值"},
    note_text{"total_incomplete", "总分行只有一个数，按总得分读取"},
    note_text{"total_row_joined", "被分页拆开的总分行已合并"},
    note_text{"values_of_two_rows", "两行的名称先于数值印出：第一组数值属于前一行，第二组属于本行"},

    note_text{"weight_from_name_points", "指标名称后括注的分值（如 相关性(5分)）读作该指标的分值"},};
// clang-format on

}  // namespace

std::string_view import_note_zh(std::string_view note_code) noexcept {
    for (const note_text& n : import_notes_zh) {
        if (n.code == note_code) return n.zh;
    }
    return {};
}

std::vector<std::string_view> import_note_codes_with_zh() {
    std::vector<std::string_view> out;
    for (const note_text& n : import_notes_zh) out.push_back(n.code);
    return out;
}

const check_info* find_check(std::string_view code) noexcept {
    for (const check_info& c : catalogue) {
        if (c.code == code) return &c;
    }
    return nullptr;
}

std::string_view to_string(check_family f) noexcept {
    switch (f) {
    case check_family::arithmetic: return "arithmetic";
    case check_family::rule_fit: return "rule_fit";
    case check_family::evidence: return "evidence";
    case check_family::hygiene: return "hygiene";
    case check_family::declaration: return "declaration";
    case check_family::link: return "link";
    }
    return "unknown";
}

}  // namespace jixiao
