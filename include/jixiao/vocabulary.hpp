// jixiao/vocabulary.hpp — the Chinese vocabulary of the forms, as data, in one place.
//
// Synopsis (one section per area; C++ logic elsewhere refers to these tables by name):
//   units                 spellings -> dimension key, exact scale, canonical symbol
//   comparators           symbol and word spellings -> comparator; range separators
//   time points           month and year part words (上旬, 底, 底前, 全年 ...)
//   qualitative labels    the three official tiers, positive and negative words
//   categories            一级 / 二级指标 labels and their spelling variants
//   form labels           titles, header labels, funds rows/columns, column headers (import)
//   findings              audit messages (zh/en) live with their codes in audit.hpp's catalogue
//
// Spelling tables are `std::string_view` arrays of UTF-8 text; every entry says in English
// what it means, so a reader who does not read Chinese can follow the code that uses it.
#pragma once

#include <string_view>

namespace jixiao::vocabulary {

// Sections are added below by the parts that own them (units, comparators, qualitative,
// categories, import labels).

// ---------------------------------------------------------------------------------------------
// units — unit spellings (owned by value expressions, src/core/unit.cpp)
//
// Each spelling maps to a dimension key, an exact scale to the base unit of that key (decimal
// text), and the canonical symbol written back by `to_string`. Units with equal keys are
// commensurable. The family of a key is the part before ':' ("count:人次" -> count):
//   ""            plain number (no unit)               "percent"   % ‰ (dimensionless)
//   "money"       base 元                              "count:X"   counts of the thing X
//   "time"        clock durations, base 1 minute       "time:month" calendar months, base 1 月
//   "time:workday" working days (no fixed clock length) "length" / "area" / "mass" / "volume"
// A bare number has key "" and compares only with bare numbers: a form that writes `>=90`
// beside `>=90%` has lost its unit, it does not mean the ratio 90 (docs/values.md).
// Conversions are listed only where they are exact decimals: 小时 = 60 minutes (not 1/24 日),
// 年 = 12 months; 亩 (= 2000/3 平方米) and months vs days are kept apart.
// ---------------------------------------------------------------------------------------------

/// One spelling of a unit.
struct unit_spelling {
    std::string_view spelling;  ///< UTF-8, as written after a number (without spaces)
    std::string_view symbol;    ///< canonical symbol written by `to_string`
    std::string_view key;       ///< dimension key (see above)
    std::string_view scale;     ///< exact factor to the base unit of the key, decimal text
};

/// The unit table. Lookup is by longest spelling; spaces inside a spelling are tolerated.
inline constexpr unit_spelling unit_spellings[] = {
    // money, base 元 (yuan)
    {"元", "元", "money", "1"},                  // yuan
    {"千元", "千元", "money", "1000"},           // thousand yuan
    {"万元", "万元", "money", "10000"},          // ten thousand yuan
    {"百万元", "百万元", "money", "1000000"},    // million yuan
    {"亿元", "亿元", "money", "100000000"},      // hundred million yuan
    // ratios (dimensionless), base 1
    {"%", "%", "percent", "0.01"},               // percent
    {"％", "%", "percent", "0.01"},              // full-width percent sign
    {"百分比", "%", "percent", "0.01"},          // "percentage"
    {"‰", "‰", "percent", "0.001"},              // per mille
    {"个百分点", "个百分点", "percent", "0.01"}, // percentage points
    {"百分点", "个百分点", "percent", "0.01"},   // percentage points
    // counts: every counted thing is its own dimension, scale 1
    {"个", "个", "count:个", "1"},               // items (generic classifier)
    {"家", "家", "count:家", "1"},               // organisations, firms
    {"份", "份", "count:份", "1"},               // copies, documents
    {"人", "人", "count:人", "1"},               // persons
    {"人次", "人次", "count:人次", "1"},         // person-times (visits, attendances)
    {"次", "次", "count:次", "1"},               // times, occurrences
    {"户", "户", "count:户", "1"},               // households, accounts
    {"块", "块", "count:块", "1"},               // pieces, blocks (modules)
    {"项", "项", "count:项", "1"},               // items, projects
    {"所", "所", "count:所", "1"},               // institutions (schools)
    {"场", "场", "count:场", "1"},               // sessions, events
    {"场次", "场次", "count:场次", "1"},         // session-times
    {"辆", "辆", "count:辆", "1"},               // vehicles
    {"台", "台", "count:台", "1"},               // machines
    {"台次", "台次", "count:台次", "1"},         // machine-times
    {"套", "套", "count:套", "1"},               // sets
    {"篇", "篇", "count:篇", "1"},               // articles, reports
    {"期", "期", "count:期", "1"},               // issues, rounds, phases
    {"批", "批", "count:批", "1"},               // batches
    {"册", "册", "count:册", "1"},               // volumes, booklets
    {"本", "本", "count:本", "1"},               // books
    {"张", "张", "count:张", "1"},               // sheets
    {"件", "件", "count:件", "1"},               // pieces, cases
    {"课时", "课时", "count:课时", "1"},         // class hours
    {"学时", "学时", "count:学时", "1"},         // study hours
    {"间", "间", "count:间", "1"},               // rooms
    {"座", "座", "count:座", "1"},               // buildings, bridges
    {"处", "处", "count:处", "1"},               // places, sites
    {"条", "条", "count:条", "1"},               // lines, items of text
    {"名", "名", "count:名", "1"},               // persons (by name)
    {"位", "位", "count:位", "1"},               // persons (polite)
    {"株", "株", "count:株", "1"},               // plants, trees
    {"棵", "棵", "count:棵", "1"},               // trees
    {"个点", "个点", "count:个点", "1"},         // points, sites
    {"种", "种", "count:种", "1"},               // kinds (materials, varieties)
    {"例", "例", "count:例", "1"},               // cases (patients, reports)
    {"起", "起", "count:起", "1"},               // incidents, accidents
    {"宗", "宗", "count:宗", "1"},               // cases, lots (land, files)
    {"类", "类", "count:类", "1"},               // categories
    {"艘", "艘", "count:艘", "1"},               // boats, ships
    {"头", "头", "count:头", "1"},               // head of livestock
    {"只", "只", "count:只", "1"},               // animals, birds
    {"分", "分", "count:分", "1"},               // score points (never minutes here)
    {"万人", "万人", "count:人", "10000"},       // ten thousand persons
    {"万人次", "万人次", "count:人次", "10000"}, // ten thousand person-times
    {"万户", "万户", "count:户", "10000"},       // ten thousand households
    {"万份", "万份", "count:份", "10000"},       // ten thousand copies
    {"万件", "万件", "count:件", "10000"},       // ten thousand pieces
    {"万册", "万册", "count:册", "10000"},       // ten thousand volumes
    // time: clock durations, base 1 minute (so that every conversion is exact)
    {"分钟", "分钟", "time", "1"},               // minutes
    {"小时", "小时", "time", "60"},              // hours
    {"个小时", "小时", "time", "60"},            // hours (with classifier)
    {"日", "日", "time", "1440"},                // days
    {"天", "天", "time", "1440"},                // days (colloquial)
    {"周", "周", "time", "10080"},               // weeks
    {"个星期", "周", "time", "10080"},           // weeks (with classifier)
    {"星期", "周", "time", "10080"},             // weeks
    // time: working days have no fixed clock length
    {"工作日", "工作日", "time:workday", "1"},   // working days
    {"个工作日", "工作日", "time:workday", "1"}, // working days (with classifier)
    // time: calendar months, base 1 月
    {"月", "月", "time:month", "1"},             // months
    {"个月", "个月", "time:month", "1"},         // months (with classifier)
    {"季度", "季度", "time:month", "3"},         // quarters
    {"个季度", "季度", "time:month", "3"},       // quarters (with classifier)
    {"年", "年", "time:month", "12"},            // years
    // length, base 1 米 (metre)
    {"米", "米", "length", "1"},                 // metres
    {"厘米", "厘米", "length", "0.01"},          // centimetres
    {"千米", "千米", "length", "1000"},          // kilometres
    {"公里", "公里", "length", "1000"},          // kilometres (colloquial)
    // area, base 1 平方米 (square metre)
    {"平方米", "平方米", "area", "1"},           // square metres
    {"㎡", "平方米", "area", "1"},               // square metres (symbol)
    {"公顷", "公顷", "area", "10000"},           // hectares
    {"平方公里", "平方公里", "area", "1000000"}, // square kilometres
    {"亩", "亩", "area:亩", "1"},                // mu (2000/3 m², not a finite decimal: kept apart)
    // mass, base 1 千克 (kilogram)
    {"千克", "千克", "mass", "1"},               // kilograms
    {"公斤", "公斤", "mass", "1"},               // kilograms (colloquial)
    {"吨", "吨", "mass", "1000"},                // tonnes
    // volume, base 1 立方米 (cubic metre)
    {"立方米", "立方米", "volume", "1"},         // cubic metres
};

/// The separator of a composite unit (`元/人次`): numerator, separator, denominator.
inline constexpr std::string_view unit_per_separators[] = {"/", "／"};

// ---------------------------------------------------------------------------------------------
// comparators — 指标性质 spellings (owned by value expressions, src/core/value.cpp)
//
// Every spelling maps to the canonical ASCII comparator: "=", ">=", ">", "<=", "<", "~"
// (approximately). Symbols stand before the number; prefix words stand before the number and
// are recognised only when a number (or a time point) follows them; suffix words follow it.
// ---------------------------------------------------------------------------------------------

/// One spelling of a comparator and the canonical ASCII comparator it means.
struct comparator_spelling {
    std::string_view spelling;  ///< UTF-8
    std::string_view canonical; ///< "=", ">=", ">", "<=", "<" or "~"
};

/// Comparator symbols (ASCII, full-width, mathematical). Longest match wins.
inline constexpr comparator_spelling comparator_symbols[] = {
    {"==", "="}, {"=", "="}, {"＝", "="}, {"═", "="}, {"﹦", "="},     // equal
    {">=", ">="}, {"=>", ">="}, {"＞＝", ">="}, {"＞=", ">="}, {">＝", ">="},
    {"≥", ">="}, {"≧", ">="}, {"⩾", ">="}, {"≮", ">="},               // at least
    {">", ">"}, {"＞", ">"},                                           // more than
    {"<=", "<="}, {"=<", "<="}, {"＜＝", "<="}, {"＜=", "<="}, {"<＝", "<="},
    {"≤", "<="}, {"≦", "<="}, {"⩽", "<="}, {"≯", "<="},               // at most
    {"<", "<"}, {"＜", "<"},                                           // less than
    {"≈", "~"}, {"~", "~"}, {"～", "~"}, {"≒", "~"},                   // approximately
};

/// Comparator words written before the number (`不低于90%`).
inline constexpr comparator_spelling comparator_prefix_words[] = {
    {"不低于", ">="},      // not lower than
    {"不少于", ">="},      // not fewer than
    {"不小于", ">="},      // not smaller than
    {"大于等于", ">="},    // greater than or equal to
    {"大于或等于", ">="},  // greater than or equal to
    {"至少", ">="},        // at least
    {"不高于", "<="},      // not higher than
    {"不超过", "<="},      // not exceeding
    {"不大于", "<="},      // not greater than
    {"不多于", "<="},      // not more than
    {"小于等于", "<="},    // less than or equal to
    {"小于或等于", "<="},  // less than or equal to
    {"最多", "<="},        // at most
    {"高于", ">"},         // higher than
    {"大于", ">"},         // greater than
    {"超过", ">"},         // exceeding
    {"多于", ">"},         // more than
    {"低于", "<"},         // lower than
    {"小于", "<"},         // smaller than
    {"少于", "<"},         // fewer than
    {"达到", "="},         // reaching (scored like `=`, i.e. at least)
    {"接近", "~"},         // close to
    {"约为", "~"},         // about
    {"约", "~"},           // about
    {"大约", "~"},         // about
};

/// Comparator words written after the number (`95%以上`, `30日以内`).
inline constexpr comparator_spelling comparator_suffix_words[] = {
    {"以上", ">="},     // and above
    {"及以上", ">="},   // and above
    {"或以上", ">="},   // or above
    {"以下", "<="},     // and below
    {"及以下", "<="},   // and below
    {"或以下", "<="},   // or below
    {"以内", "<="},     // within
    {"之内", "<="},     // within
    {"内", "<="},       // within
    {"左右", "~"},      // more or less
    {"上下", "~"},      // more or less
};

/// Separators of a range (`9-11月`, `80%~90%`, `3至5个`).
inline constexpr std::string_view range_separators[] = {
    "-", "－", "~", "～", "—", "–", "至", "到",
};

// ---------------------------------------------------------------------------------------------
// time points — calendar words (owned by value expressions, src/core/value.cpp)
//
// A part word follows `N月` or `N年` (`11月底`, `12月上旬`); canonical parts are "全年" (whole),
// "上旬" (early), "中旬" (middle), "下旬" (late), "底" (end), "底前" (before the end).
// Year words stand alone (`年底前`, `全年`) and name a part of the current year.
// ---------------------------------------------------------------------------------------------

/// One spelling of a part of a month or year, and its canonical spelling.
struct period_spelling {
    std::string_view spelling;   ///< UTF-8
    std::string_view canonical;  ///< "全年", "上旬", "中旬", "下旬", "底" or "底前"
};

/// Parts written after `N月` (a month).
inline constexpr period_spelling month_part_words[] = {
    {"上旬", "上旬"},      // first ten days
    {"初", "上旬"},        // beginning
    {"中旬", "中旬"},      // middle ten days
    {"下旬", "下旬"},      // last ten days
    {"底", "底"},          // end
    {"末", "底"},          // end
    {"底前", "底前"},      // before the end
    {"末前", "底前"},      // before the end
    {"底之前", "底前"},    // before the end
    {"底以前", "底前"},    // before the end
    {"末之前", "底前"},    // before the end
};

/// Parts written after `N年` (`2020年底`) or after 年 alone (`年底前`); see also
/// `whole_year_word` and `half_year_words`.
inline constexpr period_spelling year_part_words[] = {
    {"底", "底"},          // year end
    {"末", "底"},          // year end
    {"底前", "底前"},      // before the year end
    {"末前", "底前"},      // before the year end
    {"底之前", "底前"},    // before the year end
    {"底以前", "底前"},    // before the year end
    {"初", "上旬"},        // beginning of the year
    {"中", "中旬"},        // middle of the year
};

/// The year character that introduces year words (`年底`, `年初`) and `N年` points.
inline constexpr std::string_view year_word = "年";
/// The month character of `N月` points.
inline constexpr std::string_view month_word = "月";
/// The whole current year, written alone.
inline constexpr std::string_view whole_year_word = "全年";
/// Halves of a year (`上半年`, `2020年下半年`): first half -> early, second half -> late.
inline constexpr period_spelling half_year_words[] = {
    {"上半年", "上旬"},    // first half of the year
    {"下半年", "下旬"},    // second half of the year
};

// ---------------------------------------------------------------------------------------------
// qualitative labels — the three official tiers and direction words (owned by value
// expressions, src/core/value.cpp). A cell whose whole (trimmed) text is one of these spellings is a
// qualitative value; `canonical` is the label kept and written back.
// ---------------------------------------------------------------------------------------------

/// One spelling of a qualitative label and its canonical label.
struct label_spelling {
    std::string_view spelling;   ///< UTF-8, whole cell text after trimming
    std::string_view canonical;  ///< the label kept in `value_expr::label`
};

/// Tier 1: the annual target was met ([80%, 100%] of the weight).
inline constexpr label_spelling tier_met_labels[] = {
    {"达成年度指标", "达成年度指标"},   // annual target met
};

/// Tier 2: partly met, with some effect ([60%, 80%)).
inline constexpr label_spelling tier_partly_met_labels[] = {
    {"部分达成年度指标并具有一定效果", "部分达成年度指标并具有一定效果"},  // partly met, some effect
    {"部分达成年度指标且具有一定效果", "部分达成年度指标并具有一定效果"},  // same, other conjunction
    {"部分达成年度指标", "部分达成年度指标并具有一定效果"},                // partly met
};

/// Tier 3: not met, poor effect ([0, 60%)).
inline constexpr label_spelling tier_not_met_labels[] = {
    {"未达成年度指标且效果较差", "未达成年度指标且效果较差"},  // not met, poor effect
    {"未达成年度指标并且效果较差", "未达成年度指标且效果较差"},  // same, other conjunction
    {"未达成年度指标", "未达成年度指标且效果较差"},            // not met
};

/// Positive words: the target direction or an affirmative achievement.
inline constexpr label_spelling positive_labels[] = {
    {"及时", "及时"},              // timely
    {"按时", "按时"},              // on time
    {"准时", "准时"},              // punctual
    {"提升", "提升"},              // raised, improved
    {"有所提升", "有所提升"},      // somewhat raised
    {"逐步提升", "逐步提升"},      // gradually raised
    {"明显提升", "明显提升"},      // clearly raised
    {"显著提升", "显著提升"},      // markedly raised
    {"稳步提升", "稳步提升"},      // steadily raised
    {"提高", "提高"},              // increased
    {"有所提高", "有所提高"},      // somewhat increased
    {"逐步提高", "逐步提高"},      // gradually increased
    {"明显提高", "明显提高"},      // clearly increased
    {"降低", "降低"},              // reduced (a cost, a risk)
    {"有所降低", "有所降低"},      // somewhat reduced
    {"逐步降低", "逐步降低"},      // gradually reduced
    {"减少", "减少"},              // decreased
    {"改善", "改善"},              // improved
    {"有所改善", "有所改善"},      // somewhat improved
    {"逐步改善", "逐步改善"},      // gradually improved
    {"增加", "增加"},              // increased
    {"增长", "增长"},              // grown
    {"规范", "规范"},              // standardised
    {"逐步规范", "逐步规范"},      // gradually standardised
    {"健全", "健全"},              // sound, complete (rules, systems)
    {"完善", "完善"},              // perfected
    {"有效", "有效"},              // effective
    {"完整", "完整"},              // complete
    {"准确", "准确"},              // accurate
    {"公平公正", "公平公正"},      // fair and just
    {"公正公平", "公平公正"},      // fair and just (other order)
    {"公开透明", "公开透明"},      // open and transparent
    {"好", "好"},                  // good
    {"较好", "较好"},              // fairly good
    {"良好", "良好"},              // good
    {"优", "优"},                  // excellent
    {"优秀", "优秀"},              // excellent
    {"满意", "满意"},              // satisfied
    {"是", "是"},                  // yes
    {"达到预期", "达到预期"},      // as expected
    {"达到预期目标", "达到预期"},  // as expected
    {"达成预期指标", "达成预期指标"},  // expected target reached
    {"达成预期", "达成预期指标"},  // expected target reached
    {"达标", "达标"},              // up to standard
    {"合格", "合格"},              // qualified, passed
    {"完成", "完成"},              // completed
    {"已完成", "完成"},            // completed
    {"按时完成", "按时完成"},      // completed on time
    {"按期完成", "按时完成"},      // completed on schedule
    {"全部完成", "全部完成"},      // fully completed
    {"实现", "实现"},              // achieved
    {"已实现", "实现"},            // achieved
    {"到位", "到位"},              // in place
    {"正常", "正常"},              // normal
    {"正常运行", "正常运行"},      // running normally
    {"稳定", "稳定"},              // stable
    {"安全", "安全"},              // safe
    {"符合", "符合"},              // conforming
    {"符合要求", "符合要求"},      // conforming to requirements
    {"符合规定", "符合规定"},      // conforming to rules
    {"全覆盖", "全覆盖"},          // full coverage
    {"显著", "显著"},              // marked
    {"明显", "明显"},              // clear
};

/// Negative words: an achievement that falls short.
inline constexpr label_spelling negative_labels[] = {
    {"不及时", "不及时"},          // not timely
    {"未完成", "未完成"},          // not completed
    {"没有完成", "未完成"},        // not completed
    {"部分完成", "部分完成"},      // partly completed
    {"否", "否"},                  // no
    {"无效", "无效"},              // ineffective
    {"较差", "较差"},              // rather poor
    {"差", "差"},                  // poor
    {"不合格", "不合格"},          // failed
    {"不完整", "不完整"},          // incomplete
    {"不健全", "不健全"},          // unsound
    {"不规范", "不规范"},          // not standard
    {"不满意", "不满意"},          // dissatisfied
    {"未达标", "未达标"},          // below standard
    {"未达到", "未达到"},          // not reached
    {"未达到预期", "未达到预期"},  // below expectations
    {"未实现", "未实现"},          // not achieved
    {"滞后", "滞后"},              // behind schedule
    {"延迟", "延迟"},              // delayed
    {"延期", "延期"},              // postponed
};

/// Characters that cannot belong to the subject before a value (`满意率达` in `满意率达95%以上`)
/// nor to a short label: sentence punctuation. Text containing them is free text.
inline constexpr std::string_view sentence_punctuation[] = {
    "，", "。", "；", "：", "、", "！", "？", ",", ";", ":", "!", "?", "（", "）", "(", ")",
    "《", "》", "“", "”", "\"", "…", "\n", "\r", "\t",
};

// ---------------------------------------------------------------------------------------------
// categories — 一级 / 二级指标 labels (owned by the form model, src/model/form.cpp)
//
// `classify_category` / `classify_subcategory` remove every space (ASCII, U+3000, U+00A0) from
// a label, then look it up here. Each entry maps one spelling to the stable English id of the
// enum (`"output"`, `"social_benefit"`: see form.hpp). 成本指标 is level 1 in newer forms and a
// level 2 under 产出 in older ones: `classify_category` says `cost`, and the recognizer decides
// from context (weights, the table's shape).
// ---------------------------------------------------------------------------------------------

/// A spelling of a category label and the English id of the category it names.
struct category_spelling {
    std::string_view spelling;  ///< UTF-8, without spaces
    std::string_view id;        ///< English id (form.hpp `to_string(category)` / `(subcategory)`)
};

/// The canonical Chinese name of each category, by English id.
inline constexpr category_spelling category_names[] = {
    {"产出指标", "output"},        // output
    {"成本指标", "cost"},          // cost (level 1 in newer forms)
    {"效益指标", "effect"},        // effect / benefit
    {"满意度指标", "satisfaction"},  // satisfaction
};

/// 一级指标 spellings (level 1).
inline constexpr category_spelling category_spellings[] = {
    {"产出指标", "output"}, {"产出", "output"},                          // output
    {"成本指标", "cost"}, {"成本", "cost"},                              // cost
    {"效益指标", "effect"}, {"效益", "effect"},                          // effect
    {"效果指标", "effect"}, {"效果", "effect"},                          // effect (older forms)
    {"满意度指标", "satisfaction"}, {"满意度", "satisfaction"},          // satisfaction
};

/// The canonical Chinese name of each subcategory, by English id.
inline constexpr category_spelling subcategory_names[] = {
    {"数量指标", "quantity"},                  // quantity
    {"质量指标", "quality"},                   // quality
    {"时效指标", "timeliness"},                // timeliness
    {"成本指标", "cost"},                      // cost (under output, older forms)
    {"经济成本指标", "economic_cost"},         // economic cost
    {"社会成本指标", "social_cost"},           // social cost
    {"生态环境成本指标", "ecological_cost"},   // ecological / environmental cost
    {"经济效益指标", "economic_benefit"},      // economic benefit
    {"社会效益指标", "social_benefit"},        // social benefit
    {"生态效益指标", "ecological_benefit"},    // ecological benefit
    {"可持续影响指标", "sustainability"},      // sustainable impact
    {"服务对象满意度指标", "service_satisfaction"},  // satisfaction of those served
};

/// 二级指标 spellings (level 2).
inline constexpr category_spelling subcategory_spellings[] = {
    {"数量指标", "quantity"}, {"数量", "quantity"},                      // quantity
    {"质量指标", "quality"}, {"质量", "quality"},                        // quality
    {"时效指标", "timeliness"}, {"时效", "timeliness"},                  // timeliness
    {"成本指标", "cost"}, {"成本", "cost"},                              // cost
    {"经济成本指标", "economic_cost"}, {"经济成本", "economic_cost"},    // economic cost
    {"社会成本指标", "social_cost"}, {"社会成本", "social_cost"},        // social cost
    {"生态环境成本指标", "ecological_cost"},                             // ecological cost
    {"生态环境成本", "ecological_cost"},
    {"生态成本指标", "ecological_cost"}, {"生态成本", "ecological_cost"},
    {"经济效益指标", "economic_benefit"}, {"经济效益", "economic_benefit"},  // economic benefit
    {"社会效益指标", "social_benefit"}, {"社会效益", "social_benefit"},      // social benefit
    {"生态效益指标", "ecological_benefit"}, {"生态效益", "ecological_benefit"},  // ecological benefit
    {"生态环境效益指标", "ecological_benefit"}, {"生态环境效益", "ecological_benefit"},
    {"可持续影响指标", "sustainability"}, {"可持续影响", "sustainability"},  // sustainable impact
    {"服务对象满意度指标", "service_satisfaction"},                      // satisfaction of those served
    {"服务对象满意度", "service_satisfaction"},
    {"社会公众或服务对象满意度指标", "service_satisfaction"},            // public or those served
    {"社会公众或服务对象满意度", "service_satisfaction"},
    {"满意度指标", "service_satisfaction"},                              // level 2 repeating level 1
};

/// Marks that say a reported number cell does not apply (em dash, hyphen, slash, "none",
/// "not applicable"), compared after trimming spaces. A blank cell is *missing*, not this.
inline constexpr std::string_view not_applicable_marks[] = {
    "—",   // U+2014 em dash
    "——",  // two em dashes
    "–",   // U+2013 en dash
    "-",   // hyphen-minus
    "－",  // U+FF0D full-width hyphen-minus
    "─",   // U+2500 box-drawing line (PDF extraction)
    "/",   // slash
    "／",  // U+FF0F full-width slash
    "无",  // "none"
    "不适用",  // "not applicable"
};

/// Whether an already trimmed cell text is one of the `not_applicable_marks`.
[[nodiscard]] constexpr bool is_not_applicable_mark(std::string_view trimmed) noexcept {
    for (std::string_view mark : not_applicable_marks) {
        if (trimmed == mark) return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// audit — words the audit checks look for, and the Chinese names of the fields it reports on
// (owned by the audit, src/audit_*.cpp). The zh/en message templates themselves live with their
// codes in one table, src/audit/audit_catalogue.cpp (see docs/checks.md).
// ---------------------------------------------------------------------------------------------

/// Endings of an indicator name that say the indicator is measurable (a rate, a number, a
/// count), for the vague-target check: a name ending in one of these wants a numeric target.
inline constexpr std::string_view measurable_name_endings[] = {
    "率",    // rate (完成率, 及时率, 覆盖率)
    "数",    // number (户数, 预算单位数)
    "数量",  // quantity
    "次数",  // number of times
    "人数",  // number of people
    "户数",  // number of households / accounts
    "个数",  // number of items
    "人次",  // person-times
};

/// Endings that look measurable but are not a rate one counts (checked before the list above).
inline constexpr std::string_view unmeasurable_name_endings[] = {
    "效率",  // efficiency: 财政资金使用效率 is a judgement, not a ratio of counts
};

/// A named field as the audit reports it: stable English id, Chinese name, English name.
struct field_name {
    std::string_view id;   ///< stable id used in `finding::field`
    std::string_view zh;   ///< Chinese name as printed on the form
    std::string_view en;   ///< English name used in messages
};

/// Fields of the form the audit names in its findings.
inline constexpr field_name audit_field_names[] = {
    {"project_name", "项目名称", "project name"},
    {"department", "主管部门", "department"},
    {"initial_budget", "年初预算数", "initial budget"},
    {"full_year_budget", "全年预算数", "full-year budget"},
    {"executed", "全年执行数", "executed amount"},
    {"total", "年度资金总额", "annual total"},
    {"current_appropriation", "当年财政拨款", "current appropriation"},
    {"prior_carryover", "上年结转资金", "prior carry-over"},
    {"other", "其他资金", "other funds"},
    {"weight", "分值", "weight"},
    {"execution_rate", "执行率", "execution rate"},
    {"score", "得分", "score"},
    {"execution", "预算执行率", "budget execution"},
    {"target", "年度指标值", "target"},
    {"actual", "实际完成值", "actual"},
    {"total_weight", "总分分值", "total weight"},
    {"total_score", "总分", "total score"},
    {"indicator", "指标", "indicator"},
};

/// How the audit says "identical" and "nearly identical" of two goal texts.
inline constexpr std::string_view goal_identical_zh = "完全相同";      // identical
inline constexpr std::string_view goal_nearly_identical_zh = "几乎相同";  // nearly identical
/// Joins two reasons in a Chinese message ("and also").
inline constexpr std::string_view reasons_joiner_zh = "；且";
/// "the execution rate is only X%" / "N actuals restate their targets", Chinese pieces.
inline constexpr std::string_view execution_only_zh = "预算执行率仅为 ";            // execution rate only
inline constexpr std::string_view restated_count_before_zh = "有 ";                 // "there are N ..."
inline constexpr std::string_view restated_count_zh = " 项实际完成值照抄年度指标值";  // actuals restate targets
/// "(indicator ...)" around a name in a Chinese message.
inline constexpr std::string_view indicator_place_open_zh = "（指标“";
inline constexpr std::string_view indicator_place_close_zh = "”）";

// ---------------------------------------------------------------------------------------------
// report labels — the official table's printed labels and the report's own words (owned by the
// exporters, src/export_*.cpp). Each constant says in English what it labels.
// ---------------------------------------------------------------------------------------------
namespace report {
inline constexpr std::string_view form_title = "财政项目支出绩效自评表";  // the form's title
inline constexpr std::string_view year_suffix = "年度";              // "(2023 年度)": fiscal year
inline constexpr std::string_view project_name = "项目名称";         // project name
inline constexpr std::string_view department = "主管部门";           // supervising department
inline constexpr std::string_view implementing_unit = "实施单位";    // implementing unit
inline constexpr std::string_view funds = "项目资金";                // project funds
inline constexpr std::string_view yuan = "元";                       // yuan
inline constexpr std::string_view ten_thousand_yuan = "万元";        // ten thousand yuan
inline constexpr std::string_view initial_budget = "年初预算数";     // budget at the start of the year
inline constexpr std::string_view full_year_budget = "全年预算数";   // full-year budget
inline constexpr std::string_view executed = "全年执行数";           // amount executed in the year
inline constexpr std::string_view weight = "分值";                   // weight (points available)
inline constexpr std::string_view execution_rate = "执行率";         // execution rate
inline constexpr std::string_view score = "得分";                    // score
inline constexpr std::string_view funds_total = "年度资金总额";      // annual total of funds
inline constexpr std::string_view current_appropriation = "其中：当年财政拨款";  // of which: this year's appropriation
inline constexpr std::string_view prior_carryover = "上年结转资金";  // carried over from last year
inline constexpr std::string_view other_funds = "其他资金";          // other funds
inline constexpr std::string_view annual_goal = "年度总体目标";      // overall annual goal
inline constexpr std::string_view expected_goal = "预期目标";        // expected goal
inline constexpr std::string_view achieved_goal = "实际完成情况";    // what was actually achieved
inline constexpr std::string_view indicators = "绩效指标";           // performance indicators
inline constexpr std::string_view level1 = "一级指标";               // level-1 indicator (category)
inline constexpr std::string_view level2 = "二级指标";               // level-2 indicator (subcategory)
inline constexpr std::string_view level3 = "三级指标";               // level-3 indicator (the indicator)
inline constexpr std::string_view target = "年度指标值";             // annual target value
inline constexpr std::string_view actual = "实际完成值";             // actual value achieved
inline constexpr std::string_view deviation_note = "偏差原因分析及改进措施";  // deviation reasons and remedies
inline constexpr std::string_view total = "总分";                    // total score
inline constexpr std::string_view grade = "评价等级";                // grade
inline constexpr std::string_view notes = "其他需要说明事项";        // other matters to explain
inline constexpr std::string_view execution_line = "预算执行率";     // budget execution (the funds line)
inline constexpr std::string_view computed_score = "核算得分";       // score recomputed by jixiao
inline constexpr std::string_view reported_score = "填报得分";       // score as reported
inline constexpr std::string_view findings = "审核发现";             // audit findings
inline constexpr std::string_view portfolio = "总体情况";            // portfolio overview
inline constexpr std::string_view severity_error = "错误";           // severity: error
inline constexpr std::string_view severity_warning = "警告";         // severity: warning
inline constexpr std::string_view severity_notice = "提示";          // severity: notice
inline constexpr std::string_view trust_trusted = "可信";            // trust: trusted
inline constexpr std::string_view trust_review = "需复核";           // trust: needs review
inline constexpr std::string_view trust_untrusted = "不可信";        // trust: untrusted
}  // namespace report

// ---------------------------------------------------------------------------------------------
// form labels — titles, header labels and block labels of the form (owned by the import
// recognizer, src/import_*.cpp)
//
// Labels are compared after removing every space and a trailing colon (`项目名称：`), so a label
// printed vertically or wrapped (`年度 总体 目标`, `绩效 指标`) matches its spelling here. Each
// table maps one spelling to an English role name used by the recognizer.
// ---------------------------------------------------------------------------------------------

/// A spelling of a form label and the English role it names.
struct form_label {
    std::string_view spelling;  ///< UTF-8, without spaces
    std::string_view role;      ///< English role name (see each table)
};

/// Form titles. A title cell contains one of these (after space removal); the longest is kept
/// as the form's kind. Department-wide forms (部门整体支出绩效自评表) are a different form and
/// are deliberately absent.
inline constexpr std::string_view form_titles[] = {
    "财政项目支出绩效自评表",        // fiscal project expenditure performance self-evaluation form
    "项目支出绩效自评表",            // project expenditure performance self-evaluation form
    "部门预算项目支出绩效自评表",    // department budget project expenditure ... form
    "专项资金绩效自评表",            // special fund performance self-evaluation form
    "项目绩效自评表",                // project performance self-evaluation form
    "财政支出项目绩效自评表",        // fiscal expenditure project ... form
};

/// The year mark after the year number: `(2023 年度)`, `2023年度`.
inline constexpr std::string_view year_marks[] = {"年度", "年"};

/// Header fields: role "project_name", "department", "implementing_unit".
inline constexpr form_label header_field_labels[] = {
    {"项目名称", "project_name"},          // project name
    {"主管部门", "department"},            // supervising department
    {"主管部门及代码", "department"},      // supervising department and its code
    {"主管单位", "department"},            // supervising unit
    {"实施单位", "implementing_unit"},     // implementing unit
    {"项目实施单位", "implementing_unit"}, // project implementing unit
    {"预算单位", "implementing_unit"},     // budget unit
};

/// The funds block's header label; the rest of the cell may carry the money unit.
inline constexpr std::string_view funds_labels[] = {
    "项目资金",  // project funds
    "资金情况",  // funds
};
/// Money units written in the funds header (`(元)`, `（万元）`, `单位：万元`): role "yuan" or
/// "ten_thousand_yuan"; the longest spelling found in the header wins.
inline constexpr form_label money_unit_marks[] = {
    {"万元", "ten_thousand_yuan"},  // 10^4 yuan
    {"元", "yuan"},                 // yuan
};

/// Funds block columns: role "initial_budget", "full_year_budget", "executed", "weight",
/// "execution_rate", "score".
inline constexpr form_label funds_column_labels[] = {
    {"年初预算数", "initial_budget"},     // budget at the start of the year
    {"年初预算", "initial_budget"},
    {"全年预算数", "full_year_budget"},   // budget for the whole year
    {"全年预算", "full_year_budget"},
    {"调整后预算数", "full_year_budget"}, // budget after adjustment
    {"调整后预算", "full_year_budget"},
    {"全年执行数", "executed"},           // executed in the year
    {"全年执行", "executed"},
    {"预算执行数", "executed"},           // budget executed
    {"全年实际执行数", "executed"},
    {"实际执行数", "executed"},
    {"执行数", "executed"},
    {"分值", "weight"},                   // weight (points)
    {"权重", "weight"},                   // weight
    {"执行率", "execution_rate"},         // execution rate
    {"预算执行率", "execution_rate"},
    {"得分", "score"},                    // score
};

/// Funds block rows (an optional 其中： "of which" prefix is removed first): role "total",
/// "current_appropriation", "prior_carryover", "other".
inline constexpr form_label funds_row_labels[] = {
    {"年度资金总额", "total"},                  // total funds of the year
    {"资金总额", "total"},
    {"年度资金总额合计", "total"},
    {"当年财政拨款", "current_appropriation"},  // appropriation of the year
    {"本年财政拨款", "current_appropriation"},  // appropriation of this year
    {"财政拨款", "current_appropriation"},
    {"财政资金", "current_appropriation"},
    {"上年结转资金", "prior_carryover"},        // carried over from last year
    {"上年结转", "prior_carryover"},
    {"其他资金", "other"},                      // other funds
    {"其他资金来源", "other"},
};
/// The "of which" prefixes of funds rows.
inline constexpr std::string_view funds_row_prefixes[] = {"其中：", "其中:", "其中"};

/// Goal block labels: role "goal" (the block label, often printed vertically), "expected",
/// "achieved".
inline constexpr form_label goal_labels[] = {
    {"年度总体目标", "goal"},      // overall goal of the year
    {"总体目标", "goal"},
    {"年度目标", "goal"},
    {"年度绩效目标", "goal"},
    {"预期目标", "expected"},      // expected goal
    {"年度预期目标", "expected"},
    {"实际完成情况", "achieved"},  // what was achieved
    {"全年实际完成情况", "achieved"},
    {"实际完成", "achieved"},
};
/// The goal block label whose fragments (`年度`, `总体`, `目标`) appear when it is printed
/// vertically across rows.
inline constexpr std::string_view goal_block_label = "年度总体目标";

/// The indicator table's block label (printed vertically beside the table; its fragments
/// `绩`, `效 指 标`, `绩效指`, `标` leak into rows at page breaks).
inline constexpr std::string_view indicator_block_label = "绩效指标";

/// Indicator table columns: role "block", "level1", "level2", "name", "target", "nature"
/// (comparator), "target_value", "unit", "actual", "weight", "score", "deviation", "extra".
/// `指标值` is "target" unless 指标性质 / 度量单位 columns stand beside it: then it is the
/// number part of the target ("target_value").
inline constexpr form_label indicator_column_labels[] = {
    {"绩效指标", "block"},                    // performance indicators (block label)
    {"一级指标", "level1"},                   // level-1 indicator
    {"二级指标", "level2"},                   // level-2 indicator
    {"三级指标", "name"},                     // level-3 indicator (the indicator's name)
    {"指标名称", "name"},                     // indicator name
    {"年度指标值", "target"},                 // annual target value
    {"年度目标值", "target"},
    {"指标值", "target"},                     // target value
    {"目标值", "target"},
    {"指标性质", "nature"},                   // comparator column
    {"度量单位", "unit"},                     // unit column
    {"计量单位", "unit"},
    {"实际完成值", "actual"},                 // actual value
    {"全年实际值", "actual"},
    {"实际值", "actual"},
    {"分值", "weight"},                       // weight (points)
    {"权重", "weight"},                       // weight
    {"得分", "score"},                        // score
    {"偏差原因分析及改进措施", "deviation"},  // deviation analysis and improvement
    {"偏差原因分析", "deviation"},
    {"未完成原因分析及改进措施", "deviation"},
    {"未完成原因分析", "deviation"},
    {"指标解释", "extra"},                    // explanation of the indicator
    {"评(扣)分标准", "extra"},                // scoring (deduction) criteria
    {"评（扣）分标准", "extra"},
    {"评分标准", "extra"},                    // scoring criteria
    {"扣分标准", "extra"},                    // deduction criteria
    {"评分规则", "extra"},                    // scoring rule
    {"备注", "extra"},                        // remarks
};

/// The total row label: role "total".
inline constexpr form_label total_labels[] = {
    {"总分", "total"},    // total score
    {"合计", "total"},    // sum
    {"总计", "total"},    // grand total
};

/// Grade and notes labels: role "grade" or "notes".
inline constexpr form_label closing_labels[] = {
    {"评价等级", "grade"},                // evaluation grade
    {"自评等级", "grade"},                // self-evaluation grade
    {"自评结果", "grade"},
    {"其他需要说明事项", "notes"},        // other matters to explain
    {"其他需要说明的事项", "notes"},
    {"其他说明", "notes"},
};

/// Grade words that may stand alone in the total row.
inline constexpr std::string_view grade_words[] = {"优", "良", "中", "差", "优秀", "良好", "合格", "不合格"};

/// Page-number words: `第 1 页`, `第1页 共8页`.
inline constexpr std::string_view page_word_before = "第";  // "number ..."
inline constexpr std::string_view page_word_after = "页";   // "... page"
inline constexpr std::string_view page_word_total = "共";   // "of ... in total"

// ---------------------------------------------------------------------------------------------
// rubric rules — the 评分标准 of rubric-scored evaluations (owned by src/score/rubric_rule.cpp)
//
// A rule text is split into clauses at the separators; each clause is a condition and an award
// (得满分, 得 X 分, 不得分, 扣 X 分), a proportional deduction (每降低 Y 扣 Z 分) or a closing
// remark that changes nothing (扣完为止: scores are floored at 0 anyway). docs/rulebooks.md.
// The comparator tables above serve the conditions, with the few words below added.
// ---------------------------------------------------------------------------------------------

/// Labels of the extra column that holds a rubric line's rule (spaces ignored).
inline constexpr std::string_view rubric_rule_labels[] = {
    "评分标准", "评分细则", "评分办法", "扣分标准", "评(扣)分标准", "评（扣）分标准", "评扣分标准",
    "评分依据", "评价标准", "计分方法",
};
/// Clause separators of a rule text (full-width and ASCII comma, semicolon, full stop).
inline constexpr std::string_view rubric_clause_separators[] = {"，", ",", "；", ";", "。"};
/// Awards that end a clause and take no number: the full weight or nothing.
inline constexpr std::string_view rubric_full_awards[] = {"得满分", "计满分", "给满分", "满分"};  // full marks
inline constexpr std::string_view rubric_zero_awards[] = {"不得分", "不计分", "不给分", "得0分", "计0分"};  // no points
/// Words before the points of an award ("得 8 分", "计 8 分"), and of a deduction ("扣 2 分").
inline constexpr std::string_view rubric_award_words[] = {"得", "计", "给"};
inline constexpr std::string_view rubric_deduct_words[] = {"扣除", "扣减", "扣"};
inline constexpr std::string_view rubric_points_word = "分";       // points
inline constexpr std::string_view rubric_each_word = "每";         // each (a proportional deduction)
/// "个百分点" (percentage points): a step written in points of a percent.
inline constexpr std::string_view rubric_percent_points = "个百分点";
/// Comparator words of rule conditions beyond `comparator_prefix_words` (达到 reads as at least).
inline constexpr comparator_spelling rubric_prefix_words[] = {
    {"达到", ">="},   // reaching: at least
    {"达", ">="},     // reaching: at least
    {"未达到", "<"},  // not reaching
    {"不足", "<"},    // short of
    {"不到", "<"},    // short of
    {"不满", "<"},    // short of
    {"在", "="},      // at (a filler before a number: 在95%以上)
    {"为", "="},      // is (a filler)
};
/// Markers that say a bound is included (`95%（含）以上`).
inline constexpr std::string_view rubric_inclusive_marks[] = {"(含)", "（含）", "含"};
/// Direction of a proportional deduction: the actual falls short (higher is better) ...
inline constexpr std::string_view rubric_shortfall_words[] = {
    "降低", "下降", "减少", "低于", "少于", "不足", "低", "少", "减",
};
/// ... or exceeds (lower is better: costs, days of delay).
inline constexpr std::string_view rubric_excess_words[] = {
    "超过", "超出", "增加", "高于", "多于", "延迟", "推迟", "逾期", "超", "多", "高",
};
/// Conditions that mean the target was met, and not met (compared by `compare_actual`).
inline constexpr std::string_view rubric_met_words[] = {
    "完成", "全部完成", "全面完成", "按时完成", "已完成", "完成目标", "达到目标", "达标", "实现目标", "达成",
};
inline constexpr std::string_view rubric_not_met_words[] = {
    "未完成", "没有完成", "未全部完成", "未按时完成", "未完成目标", "未达到目标", "未达标", "不达标",
    "未实现", "未实现目标", "未达成",
};
/// Closing remarks that change nothing (every score is floored at 0).
inline constexpr std::string_view rubric_closing_remarks[] = {
    "扣完为止", "扣完即止", "扣满为止", "直至扣完", "扣至0分为止", "扣完本项分值为止", "扣完该项分值为止",
    "本项分值扣完为止", "最低为0分", "最低0分", "最低得0分",
};
/// Words a condition may end with before its award ("...的，得满分"; "若 ..." before it).
inline constexpr std::string_view rubric_condition_fillers_after[] = {"的", "时", "者"};
inline constexpr std::string_view rubric_condition_fillers_before[] = {"若", "如", "凡"};
/// Words that make a clause no rule (a count of events or a judgement the form does not record).
inline constexpr std::string_view rubric_forbidden_words[] = {
    "酌情", "视情况", "根据", "按照", "发现", "一次", "一处", "一项", "每个", "或", "且", "否则", "其他", "其余",
};

}  // namespace jixiao::vocabulary
