// Tests of the canonical JSON format: the golden sample forms, round trips over every cell
// state, and errors with their JSON paths and bounds.
#include <jixiao/json.hpp>

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using jixiao::cell_state;
using jixiao::decimal;
using jixiao::errc;
using jixiao::form;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string golden_path(int n) {
    return std::string(JIXIAO_TEST_DATA_DIR) + "/forms/songjiang-2023-" + std::to_string(n) + ".json";
}

form read_golden(int n) {
    const std::string text = read_file(golden_path(n));
    EXPECT_FALSE(text.empty()) << golden_path(n);
    auto f = jixiao::read_form_json(text);
    if (!f.has_value()) ADD_FAILURE() << golden_path(n) << ": " << f.error().describe();
    return f.value_or_throw();
}

decimal dec(std::string_view s) { return decimal::from_string(s); }

decimal sum_weights(const form& f, std::optional<jixiao::category> level1 = std::nullopt) {
    decimal total;
    for (const auto& ind : f.indicators) {
        if (level1 && ind.level1 != *level1) continue;
        EXPECT_EQ(ind.weight.state, cell_state::value) << ind.name;
        if (ind.weight.value) total += *ind.weight.value;
    }
    return total;
}

// ---- golden files ----

TEST(json_golden, the_eight_sample_forms_parse_with_the_right_counts) {
    // Counted by hand in the sample text.
    constexpr std::array<std::size_t, 8> indicator_counts{14, 8, 10, 17, 15, 14, 11, 18};
    const std::array<std::string, 8> projects{"网络信息系统开发、升级、建设", "法律咨询与服务", "政府采购管理",
                                              "资产管理与监督", "财政监督绩效评价服务", "业务培训",
                                              "会计管理", "网络信息系统运行与维护"};
    for (int n = 1; n <= 8; ++n) {
        SCOPED_TRACE(n);
        const form f = read_golden(n);
        EXPECT_EQ(f.project_name, projects[static_cast<std::size_t>(n - 1)]);
        EXPECT_EQ(f.year, 2023);
        EXPECT_EQ(f.department, "上海市松江区财政局");
        EXPECT_EQ(f.money.unit, jixiao::money_unit::yuan);
        EXPECT_EQ(f.indicators.size(), indicator_counts[static_cast<std::size_t>(n - 1)]);
    }
}

TEST(json_golden, weights_add_up_to_the_reported_totals) {
    for (int n = 1; n <= 8; ++n) {
        SCOPED_TRACE(n);
        const form f = read_golden(n);
        EXPECT_EQ(sum_weights(f), dec("90"));
        EXPECT_EQ(sum_weights(f, jixiao::category::output), dec("50"));  // cost counted under output
        EXPECT_EQ(sum_weights(f, jixiao::category::effect), dec("30"));
        EXPECT_EQ(sum_weights(f, jixiao::category::satisfaction), dec("10"));
        ASSERT_EQ(f.money.weight.state, cell_state::value);
        EXPECT_EQ(*f.money.weight.value + sum_weights(f), *f.total_weight.value);
        ASSERT_EQ(f.total_weight.state, cell_state::value);
        ASSERT_EQ(f.total_score.state, cell_state::value);
        EXPECT_EQ(*f.total_weight.value, dec("100"));
        EXPECT_EQ(*f.total_score.value, dec("100"));
        decimal scores = *f.money.score.value;
        for (const auto& ind : f.indicators) {
            ASSERT_EQ(ind.score.state, cell_state::value) << ind.name;
            scores += *ind.score.value;
            EXPECT_NE(ind.level1, jixiao::category::unknown) << ind.name;
            EXPECT_NE(ind.level2, jixiao::subcategory::unknown) << ind.name;
            EXPECT_EQ(jixiao::classify_subcategory(ind.level2_text), ind.level2) << ind.name;
            EXPECT_NE(ind.target.state, cell_state::missing) << ind.name;
            EXPECT_NE(ind.actual.state, cell_state::missing) << ind.name;
            EXPECT_FALSE(ind.name.empty());
            EXPECT_EQ(ind.name.find(' '), std::string::npos) << "wrap space left in " << ind.name;
        }
        EXPECT_EQ(scores, *f.total_score.value);
    }
}

TEST(json_golden, funds_cells_keep_their_states) {
    using jixiao::funds_column;
    using jixiao::funds_row;
    using jixiao::funds_score_column;
    const form f = read_golden(4);
    const auto& m = f.money;
    EXPECT_EQ(m.at(funds_row::total, funds_column::executed).text, "1,675,799.58");
    EXPECT_TRUE(m.at(funds_row::total, funds_column::executed).value->identical(dec("1675799.58")));
    EXPECT_TRUE(m.execution_rate.value->identical(dec("100.00")));
    EXPECT_EQ(m.execution_rate.text, "100.00%");
    // The page number `-7` is not a cell: the executed cell of the carry-over row is blank.
    EXPECT_EQ(m.at(funds_row::prior_carryover, funds_column::executed).state, cell_state::missing);
    EXPECT_EQ(m.at(funds_row::prior_carryover, funds_column::initial_budget).state, cell_state::value);
    EXPECT_TRUE(m.at(funds_row::prior_carryover, funds_column::initial_budget).value->is_zero());
    for (auto row : {funds_row::current_appropriation, funds_row::prior_carryover, funds_row::other}) {
        EXPECT_EQ(m.scoring_at(row, funds_score_column::weight).state, cell_state::not_applicable);
        EXPECT_EQ(m.scoring_at(row, funds_score_column::execution_rate).state, cell_state::missing);
        EXPECT_EQ(m.scoring_at(row, funds_score_column::score).state, cell_state::missing);
    }
}

TEST(json_golden, cost_indicators_sit_under_output_in_the_2023_forms) {
    const form f = read_golden(3);
    int costs = 0;
    for (const auto& ind : f.indicators) {
        if (ind.level2 != jixiao::subcategory::cost) continue;
        ++costs;
        EXPECT_EQ(ind.level1, jixiao::category::output);
        EXPECT_EQ(ind.level1_text, "产出指标");
        EXPECT_EQ(ind.level2_text, "成本指标");
    }
    EXPECT_EQ(costs, 2);
    EXPECT_EQ(f.indicators[6].name, "专家评审费");
    EXPECT_EQ(f.indicators[6].target.text, "<=700元/人次");
    EXPECT_EQ(f.indicators[2].name, "投诉处理决定、信访回复的公平公正性");
}

TEST(json_golden, paragraph_goals_are_joined_by_newlines) {
    const form f = read_golden(1);
    EXPECT_EQ(f.annual_goal.expected.find("<p>"), std::string::npos);
    EXPECT_NE(f.annual_goal.expected.find("：\n(1) "), std::string::npos);
    EXPECT_EQ(f.annual_goal.expected, f.annual_goal.achieved);
    const form f4 = read_golden(4);
    EXPECT_NE(f4.annual_goal.expected, f4.annual_goal.achieved);  // they differ in the sample
}

TEST(json_golden, round_trips_through_the_canonical_writer) {
    std::vector<form> all;
    for (int n = 1; n <= 8; ++n) {
        SCOPED_TRACE(n);
        const form f = read_golden(n);
        const std::string canonical = jixiao::write_json(f);
        auto again = jixiao::read_form_json(canonical);
        ASSERT_TRUE(again.has_value()) << again.error().describe();
        EXPECT_EQ(*again, f);
        EXPECT_EQ(jixiao::write_json(*again), canonical);     // the writer is stable
        EXPECT_EQ(jixiao::write_json(*again, -1).find('\n'), std::string::npos);
        all.push_back(f);
    }
    const std::string doc = jixiao::write_json(all);
    auto back = jixiao::read_forms_json(doc);
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    EXPECT_EQ(*back, all);
}

// ---- generated forms with every cell state ----

jixiao::reported<decimal> number_cell(std::string text, cell_state state, std::optional<decimal> value = {},
                                      std::optional<jixiao::error> problem = {}) {
    jixiao::reported<decimal> c;
    c.text = std::move(text);
    c.state = state;
    c.value = std::move(value);
    c.problem = std::move(problem);
    return c;
}

jixiao::reported<jixiao::value_expr> value_cell(std::string text, cell_state state,
                                                std::optional<jixiao::value_expr> value = {},
                                                std::optional<jixiao::error> problem = {}) {
    jixiao::reported<jixiao::value_expr> c;
    c.text = std::move(text);
    c.state = state;
    c.value = std::move(value);
    c.problem = std::move(problem);
    return c;
}

std::vector<jixiao::value_expr> every_kind_of_value() {
    using namespace jixiao;
    std::vector<value_expr> out;
    const unit yuan = find_unit("元").value_or(unit::opaque("元"));
    const unit wan = find_unit("万元").value_or(unit::opaque("万元"));
    const unit percent = find_unit("%").value_or(unit::opaque("%"));
    const unit person_times = find_unit("人次").value_or(unit::opaque("人次"));
    const unit month = find_unit("月").value_or(unit::opaque("月"));

    value_expr q;
    q.kind = value_kind::quantity; q.text = ">=80%"; q.op = comparator::greater_equal;
    q.amount = quantity{dec("80"), percent};
    out.push_back(q);
    q.text = "=3.50万元"; q.op = comparator::equal; q.amount = quantity{dec("3.50"), wan};
    out.push_back(q);
    q.text = "<=700元/人次"; q.op = comparator::less_equal; q.amount = quantity{dec("700"), per(yuan, person_times)};
    out.push_back(q);
    q.text = "=12 块砖"; q.op = comparator::equal; q.amount = quantity{dec("12"), unit::opaque("块砖")};
    out.push_back(q);
    q.text = "约0"; q.op = comparator::approximately; q.amount = quantity{dec("0"), unit()};
    out.push_back(q);
    q.text = "<=-0.001"; q.op = comparator::less_equal;
    q.amount = quantity{dec("-0.001"), unit(dimension::count, "count:奇", dec("1.5"), "奇")};
    out.push_back(q);
    q.text = "99999999999999999999999999.125"; q.op = comparator::none;
    q.amount = quantity{dec("99999999999999999999999999.125"), unit()};
    out.push_back(q);

    value_expr r;
    r.kind = value_kind::range; r.text = "80%-90%";
    r.amount = quantity{dec("80"), percent}; r.upper = quantity{dec("90"), percent};
    out.push_back(r);
    r.text = "9-11月"; r.amount = quantity{dec("9"), month}; r.upper = quantity{dec("11"), month};
    out.push_back(r);

    value_expr t;
    t.kind = value_kind::time_point; t.text = "=11月底"; t.op = comparator::equal;
    t.when = time_point{std::nullopt, 11, period_part::end};
    out.push_back(t);
    t.text = "2020年全年"; t.op = comparator::none; t.when = time_point{2020, std::nullopt, period_part::whole};
    out.push_back(t);
    t.text = "年底前"; t.when = time_point{std::nullopt, std::nullopt, period_part::before_end};
    out.push_back(t);

    value_expr l;
    l.kind = value_kind::qualitative; l.text = "达成年度指标"; l.quality = qualitative_kind::tier_met; l.label = "达成年度指标";
    out.push_back(l);
    l.text = "满意率达提升"; l.quality = qualitative_kind::positive; l.label = "提升"; l.subject = "满意率达";
    out.push_back(l);
    l.text = "不及时"; l.quality = qualitative_kind::negative; l.label = "不及时"; l.subject.clear();
    out.push_back(l);

    value_expr x;
    x.kind = value_kind::text; x.text = "  完成了\"全部\"工作\n第二行\t\\ "; x.label = "完成了\"全部\"工作\n第二行\t\\";
    out.push_back(x);
    value_expr odd;  // a value whose own text differs from the cell text
    odd.kind = value_kind::qualitative; odd.text = "及时（修订）"; odd.quality = qualitative_kind::other;
    out.push_back(odd);
    return out;
}

std::vector<form> generated_forms() {
    std::vector<form> out;
    const auto values = every_kind_of_value();
    const jixiao::error number_problem{errc::invalid_character, 3, "", "unexpected character 'x'"};
    const jixiao::error value_problem{errc::invalid_value, 2, "form 1, row 3", "a comparator without a number"};

    for (int variant = 0; variant < 4; ++variant) {
        form f;
        f.title = variant == 0 ? "" : "财政项目支出绩效自评表";
        if (variant != 1) f.year = 2020 + variant;
        f.project_name = "项目 \"" + std::to_string(variant) + "\" / ~ \\";
        f.department = "部门";
        f.implementing_unit = variant == 2 ? "" : "单位\u3000一";
        f.money.unit = variant % 2 == 0 ? jixiao::money_unit::yuan : jixiao::money_unit::ten_thousand_yuan;
        // Every state in the funds block, rotated by the variant.
        const std::array<jixiao::reported<decimal>, 5> states{
            number_cell("", cell_state::missing),
            number_cell("—", cell_state::not_applicable),
            number_cell("1,675,799.58", cell_state::value, dec("1675799.58")),
            number_cell("12x", cell_state::invalid, std::nullopt, number_problem),
            number_cell("0.00", cell_state::value, dec("0.00")),
        };
        std::size_t k = static_cast<std::size_t>(variant);
        for (auto& row : f.money.amounts) {
            for (auto& cell : row) cell = states[k++ % states.size()];
        }
        for (auto& row : f.money.source_scoring) {
            for (auto& cell : row) cell = states[k++ % states.size()];
        }
        f.money.weight = states[k++ % states.size()];
        f.money.execution_rate = number_cell("100.00%", cell_state::value, dec("100.00"));
        f.money.score = states[k++ % states.size()];
        f.annual_goal = {"第一段\n第二段", variant == 3 ? "" : "完成"};

        for (std::size_t i = 0; i < values.size(); ++i) {
            jixiao::indicator ind;
            ind.level1 = static_cast<jixiao::category>((i + k) % 5);
            ind.level2 = static_cast<jixiao::subcategory>((i + k) % 13);
            ind.level1_text = "一级" + std::to_string(i);
            ind.level2_text = i % 3 == 0 ? "" : "二级";
            ind.name = "指标 " + std::to_string(i);
            const std::string cell_text = i + 1 == values.size() ? "及时" : values[i].text;
            ind.target = value_cell(cell_text, cell_state::value, values[i]);
            switch ((i + k) % 4) {
            case 0: ind.actual = value_cell("", cell_state::missing); break;
            case 1: ind.actual = value_cell("/", cell_state::not_applicable); break;
            case 2: ind.actual = value_cell(">=", cell_state::invalid, std::nullopt, value_problem); break;
            default: ind.actual = value_cell(values[(i + 1) % values.size()].text, cell_state::value,
                                             values[(i + 1) % values.size()]);
            }
            ind.weight = states[(i + k) % states.size()];
            ind.score = states[(i + k + 2) % states.size()];
            ind.deviation_note = i % 2 == 0 ? "" : "原因：\"偏差\"";
            if (i % 4 == 1) ind.extra = {{"指标性质", "≥"}, {"度量单位", ""}, {"", "说明"}};
            if (i % 5 == 2) ind.where = {"forms.txt", i + 1, i + 2, 3};
            f.indicators.push_back(std::move(ind));
        }
        f.total_weight = states[k++ % states.size()];
        f.total_score = number_cell("  98.50 ", cell_state::value, dec("98.50"));
        f.reported_grade = variant == 0 ? "优" : "";
        f.notes = variant == 1 ? "其他\t说明" : "";
        if (variant == 3) f.where = {"-", 7, 1, 1};
        out.push_back(std::move(f));
    }
    out.push_back(form{});  // the empty form
    return out;
}

TEST(json_round_trip, every_cell_state_and_value_kind_survives) {
    const auto forms = generated_forms();
    for (std::size_t i = 0; i < forms.size(); ++i) {
        SCOPED_TRACE(i);
        for (int indent : {-1, 0, 2, 4}) {
            const std::string text = jixiao::write_json(forms[i], indent);
            auto back = jixiao::read_form_json(text);
            ASSERT_TRUE(back.has_value()) << back.error().describe() << "\n" << text;
            EXPECT_EQ(*back, forms[i]);
        }
    }
    const std::string doc = jixiao::write_json(forms);
    auto back = jixiao::read_forms_json(doc);
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    ASSERT_EQ(*back, forms);
    // Scales survive too (equality of decimals is by value, so check them apart).
    for (std::size_t i = 0; i + 1 < forms.size(); ++i) {
        EXPECT_TRUE((*back)[i].total_score.value->identical(dec("98.50")));
        EXPECT_TRUE((*back)[i].money.execution_rate.value->identical(dec("100.00")));
    }
}

TEST(json_round_trip, numbers_travel_as_strings) {
    form f;
    f.total_weight = jixiao::read_number_cell("100.00");
    const std::string text = jixiao::write_json(f, -1);
    EXPECT_NE(text.find(R"("total_weight":{"text":"100.00","state":"value","value":"100.00"})"), std::string::npos)
        << text;
    EXPECT_EQ(jixiao::write_json(std::vector<form>{}, -1), R"({"format":"jixiao.forms","version":2,"forms":[]})");
}

TEST(json_round_trip, a_text_only_cell_is_parsed_and_an_explicit_value_is_kept) {
    auto f = jixiao::read_form_json(R"({"total_weight": {"text": "1,000"},
        "total_score": {"text": "1,000", "value": "7"},
        "indicators": [{"target": {"text": ">=80%"}, "weight": {}}]})");
    ASSERT_TRUE(f.has_value()) << f.error().describe();
    EXPECT_EQ(f->total_weight.state, cell_state::value);
    EXPECT_EQ(*f->total_weight.value, dec("1000"));
    EXPECT_EQ(f->total_score.state, cell_state::value);
    EXPECT_EQ(*f->total_score.value, dec("7"));
    EXPECT_EQ(f->indicators[0].target, jixiao::read_value_cell(">=80%"));
    EXPECT_EQ(f->indicators[0].weight.state, cell_state::missing);
    EXPECT_EQ(f->indicators[0].actual.state, cell_state::missing);  // absent: the model default
    EXPECT_EQ(f->indicators[0].level1, jixiao::category::unknown);
}

TEST(json_round_trip, a_page_is_written_only_for_a_paged_source_and_read_back) {
    form f;
    f.project_name = "p";
    f.where = {"forms.pdf", 40, 40, 0, 3};
    jixiao::indicator ind;
    ind.name = "i";
    ind.where = {"forms.pdf", 52, 52, 2, 4};
    f.indicators.push_back(ind);
    const std::string text = jixiao::write_json(f, -1);
    EXPECT_NE(text.find(R"("where":{"file":"forms.pdf","line":40,"row":40,"column":0,"page":3})"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("where":{"file":"forms.pdf","line":52,"row":52,"column":2,"page":4})"), std::string::npos) << text;
    auto back = jixiao::read_form_json(text);
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    EXPECT_EQ(*back, f);
    EXPECT_EQ(back->where.page, 3u);
    EXPECT_EQ(back->indicators[0].where.page, 4u);
    // A text source (page 0) writes no page: its JSON is as before pages were known.
    f.where.page = 0;
    const std::string plain = jixiao::write_json(f, -1);
    EXPECT_NE(plain.find(R"("where":{"file":"forms.pdf","line":40,"row":40,"column":0})"), std::string::npos) << plain;
    EXPECT_EQ(jixiao::read_form_json(plain).value_or_throw(), f);
    // The page is a count like the others: a fraction or a string is refused with its path.
    auto bad = jixiao::read_form_json(R"({"where": {"file": "a.pdf", "page": "3"}})");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().where, "/where/page");
}

// ---- errors ----

jixiao::error error_of(std::string_view text) {
    auto r = jixiao::read_forms_json(text);
    EXPECT_FALSE(r.has_value()) << text;
    return r.has_value() ? jixiao::error{} : r.error();
}

TEST(json_errors, malformed_json_is_a_syntax_error_at_its_byte) {
    auto e = error_of(R"({"title": })");
    EXPECT_EQ(e.code, errc::json_syntax);
    EXPECT_EQ(e.offset, 10u);
    EXPECT_FALSE(e.message.empty());
    EXPECT_EQ(e.message.find("[json.exception"), std::string::npos);

    EXPECT_EQ(error_of("").code, errc::json_syntax);
    EXPECT_EQ(error_of("{} x").code, errc::json_syntax);
    EXPECT_EQ(error_of("{\"title\": \"\xFF\"}").code, errc::json_syntax);  // not UTF-8
}

TEST(json_errors, schema_violations_name_the_json_path) {
    std::vector<form> forms(4);
    forms[3].indicators.resize(8);
    forms[3].indicators[7].weight = jixiao::read_number_cell("777");
    std::string doc = jixiao::write_json(forms, -1);
    // Replace the weight cell of indicator 7 of form 3 with a JSON number.
    const std::string cell = R"("weight":{"text":"777","state":"value","value":"777"})";
    const std::size_t pos = doc.find(cell);
    ASSERT_NE(pos, std::string::npos);
    ASSERT_EQ(doc.find(cell, pos + 1), std::string::npos);
    doc.replace(pos, cell.size(), R"("weight":10)");
    auto e = error_of(doc);
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/forms/3/indicators/7/weight");
    EXPECT_NE(e.message.find("cell"), std::string::npos) << e.message;

    e = error_of(R"({"format":"jixiao.forms","version":1,"forms":[{"indicators":[{"level1":"outpt"}]}]})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/forms/0/indicators/0/level1");

    e = error_of(R"({"funds":{"rows":{"total":{"executed":{"text":"1","value":"1.2.3"}}}}})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/funds/rows/total/executed/value");

    e = error_of(R"({"project_nam": "x"})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/project_nam");
    EXPECT_NE(e.message.find("project_name"), std::string::npos);

    e = error_of(R"({"year": "2023"})");
    EXPECT_EQ(e.where, "/year");
    e = error_of(R"({"total_score": {"text": "1", "state": "value"}})");
    EXPECT_EQ(e.where, "/total_score");
    e = error_of(R"({"total_score": {"text": "1", "state": "missing", "value": "1"}})");
    EXPECT_EQ(e.where, "/total_score/value");
    e = error_of(R"({"total_score": {"state": "invalid", "error": {"code": "no_such_code"}}})");
    EXPECT_EQ(e.where, "/total_score/error/code");
    e = error_of(R"({"indicators": [{}, {"target": {"text": "x", "value": {"kind": "quantity", "number": 5}}}]})");
    EXPECT_EQ(e.where, "/indicators/1/target/value/number");
    e = error_of("[]");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "");
}

TEST(json_errors, fractional_json_numbers_and_duplicate_members_are_refused) {
    auto e = error_of(R"({"indicators": [{}, {"weight": 1.5}]})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/indicators/1/weight");
    EXPECT_NE(e.message.find("strings"), std::string::npos);

    e = error_of(R"({"notes": "a", "notes": "b"})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/notes");
    EXPECT_NE(e.message.find("duplicate"), std::string::npos);

    // Also inside an element, after a nested object, and after a null value.
    e = error_of(R"({"indicators": [{}, {"name": "a", "weight": {"text": "1"}, "name": "b"}]})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/indicators/1/name");
    EXPECT_NE(e.message.find("duplicate"), std::string::npos);
    e = error_of(R"({"notes": null, "title": "t", "notes": "b"})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/notes");
    // The same name in different objects is no duplicate.
    auto ok = jixiao::read_form_json(R"({"indicators": [{"name": "a"}, {"name": "a"}]})");
    EXPECT_TRUE(ok.has_value()) << ok.error().describe();
}

TEST(json_errors, documents_need_the_known_format_and_version) {
    auto e = error_of(R"({"format":"jixiao.forms","version":3,"forms":[]})");
    EXPECT_EQ(e.code, errc::unsupported_version);
    EXPECT_EQ(e.where, "/version");
    e = error_of(R"({"format":"jixiao.forms","version":0,"forms":[]})");
    EXPECT_EQ(e.code, errc::unsupported_version);
    e = error_of(R"({"format":"other","version":1,"forms":[]})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/format");
    e = error_of(R"({"version":1,"forms":[]})");
    EXPECT_EQ(e.code, errc::json_schema);

    auto empty = jixiao::read_forms_json(R"({"format":"jixiao.forms","version":1,"forms":[]})");
    ASSERT_TRUE(empty.has_value());
    EXPECT_TRUE(empty->empty());
    auto two = jixiao::read_form_json(jixiao::write_json(std::vector<form>(2)));
    ASSERT_FALSE(two.has_value());
    EXPECT_EQ(two.error().code, errc::json_schema);
    auto one = jixiao::read_form_json(jixiao::write_json(std::vector<form>(1)));
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(*one, form{});
}

TEST(json_errors, nesting_beyond_the_limit_is_refused) {
    const std::size_t deep = jixiao::json_limits::max_depth + 1;
    std::string text = R"({"notes":)";
    for (std::size_t i = 1; i < deep; ++i) text += '[';
    for (std::size_t i = 1; i < deep; ++i) text += ']';
    text += '}';
    auto e = error_of(text);
    EXPECT_EQ(e.code, errc::limit_exceeded);
    EXPECT_EQ(e.where.rfind("/notes", 0), 0u) << e.where;

    // A million brackets: refused quickly, no stack overflow.
    auto huge = error_of(std::string(1000000, '['));
    EXPECT_EQ(huge.code, errc::limit_exceeded);

    // Exactly at the limit is fine as JSON (and then a schema error: notes is not a string).
    std::string ok = R"({"notes":)";
    for (std::size_t i = 2; i < jixiao::json_limits::max_depth + 1; ++i) ok += '[';
    for (std::size_t i = 2; i < jixiao::json_limits::max_depth + 1; ++i) ok += ']';
    ok += '}';
    EXPECT_EQ(error_of(ok).code, errc::json_schema);
}

TEST(json_errors, documents_above_the_size_limit_are_refused) {
    std::string text(jixiao::json_limits::max_bytes + 1, ' ');
    text.front() = '{';
    text.back() = '}';
    auto e = error_of(text);
    EXPECT_EQ(e.code, errc::limit_exceeded);
}

}  // namespace

TEST(json_kinds, the_kind_is_written_when_not_a_project_self_evaluation_and_read_back) {
    form project;
    EXPECT_EQ(jixiao::write_json(project, -1).find("\"kind\""), std::string::npos);
    for (jixiao::form_kind k : {jixiao::form_kind::transfer_self_evaluation, jixiao::form_kind::department_self_evaluation,
                                jixiao::form_kind::project_declaration, jixiao::form_kind::department_declaration,
                                jixiao::form_kind::rubric_evaluation}) {
        form f;
        f.kind = k;
        const std::string text = jixiao::write_json(f, -1);
        EXPECT_EQ(text.rfind("{\"kind\":\"" + std::string(jixiao::to_string(k)) + "\"", 0), 0u) << text;
        auto back = jixiao::read_form_json(text);
        ASSERT_TRUE(back.has_value()) << back.error().describe();
        EXPECT_EQ(back->kind, k);
    }
    auto e = error_of(R"({"kind": "other"})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/kind");
    e = error_of(R"({"kind": "project"})");
    EXPECT_EQ(e.where, "/kind");
}

TEST(json_kinds, a_version_1_document_is_read_with_its_transfer_forms_as_transfer_self_evaluations) {
    auto forms = jixiao::read_forms_json(
        R"({"format":"jixiao.forms","version":1,"forms":[{"project_name":"a"},{"project_name":"b","layout":"transfer"},{"layout":"hubei"}]})");
    ASSERT_TRUE(forms.has_value()) << forms.error().describe();
    ASSERT_EQ(forms->size(), 3u);
    EXPECT_EQ((*forms)[0].kind, jixiao::form_kind::project_self_evaluation);
    EXPECT_EQ((*forms)[1].kind, jixiao::form_kind::transfer_self_evaluation);
    EXPECT_EQ((*forms)[2].kind, jixiao::form_kind::project_self_evaluation);
    // Written again, it is a version 2 document that says the kind.
    const std::string again = jixiao::write_json(*forms, -1);
    EXPECT_NE(again.find("\"version\":2"), std::string::npos);
    EXPECT_NE(again.find("\"kind\":\"transfer_self_evaluation\""), std::string::npos);
}

TEST(json_kinds, funds_lines_beyond_the_four_rows_round_trip_as_printed) {
    form f;
    f.kind = jixiao::form_kind::department_self_evaluation;
    jixiao::funds_line basic;
    basic.label = "其中：基本支出";
    basic.at(jixiao::funds_column::full_year_budget) = jixiao::read_number_cell("900.47");
    basic.at(jixiao::funds_column::executed) = jixiao::read_number_cell("—");
    f.money.breakdown.push_back(basic);
    jixiao::funds_line bad;
    bad.label = "项目支出";
    bad.at(jixiao::funds_column::executed) = jixiao::read_number_cell("1025.2O");
    f.money.breakdown.push_back(bad);
    const std::string text = jixiao::write_json(f);
    EXPECT_NE(text.find("\"breakdown\""), std::string::npos);
    auto back = jixiao::read_form_json(text);
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    EXPECT_EQ(*back, f);
    EXPECT_EQ(back->money.breakdown[1].at(jixiao::funds_column::executed).state, jixiao::cell_state::invalid);
    EXPECT_EQ(back->money.breakdown[1].at(jixiao::funds_column::executed).text, "1025.2O");
    // Absent on a form without lines; a line with an unknown member is refused with its path.
    EXPECT_EQ(jixiao::write_json(form{}).find("breakdown"), std::string::npos);
    auto e = error_of(R"({"funds": {"breakdown": [{"label": "a", "rate": {"text": "1"}}]}})");
    EXPECT_EQ(e.code, errc::json_schema);
    EXPECT_EQ(e.where, "/funds/breakdown/0/rate");
}

TEST(form_kinds, names_round_trip_and_say_what_a_kind_is) {
    for (jixiao::form_kind k : {jixiao::form_kind::project_self_evaluation, jixiao::form_kind::transfer_self_evaluation,
                                jixiao::form_kind::department_self_evaluation, jixiao::form_kind::project_declaration,
                                jixiao::form_kind::department_declaration, jixiao::form_kind::rubric_evaluation,
                                jixiao::form_kind::other}) {
        EXPECT_EQ(jixiao::form_kind_from_string(jixiao::to_string(k)), k);
        EXPECT_FALSE(jixiao::chinese_name(k).empty());
    }
    EXPECT_FALSE(jixiao::form_kind_from_string("declaration").has_value());
    EXPECT_TRUE(jixiao::is_declaration(jixiao::form_kind::department_declaration));
    EXPECT_FALSE(jixiao::is_declaration(jixiao::form_kind::department_self_evaluation));
    EXPECT_TRUE(jixiao::is_department_form(jixiao::form_kind::department_declaration));
    EXPECT_FALSE(jixiao::is_department_form(jixiao::form_kind::project_declaration));
    EXPECT_EQ(jixiao::chinese_name(jixiao::form_kind::department_self_evaluation), "部门整体支出绩效自评表");
}
