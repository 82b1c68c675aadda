// jixiao/jixiao.hpp — the umbrella header: includes every public header, nothing else.
#pragma once

#include <jixiao/audit.hpp>
#include <jixiao/decimal.hpp>
#include <jixiao/error.hpp>
#include <jixiao/form.hpp>
#include <jixiao/io/export.hpp>
#include <jixiao/io/export_stream.hpp>
#include <jixiao/io/form_stream.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/score_table.hpp>
#include <jixiao/rubric.hpp>
#include <jixiao/scoring.hpp>
#include <jixiao/unit.hpp>
#include <jixiao/value.hpp>
#include <jixiao/vocabulary.hpp>
