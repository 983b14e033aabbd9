"""Period labels dated at both ends, and quarters printed after their year (issue 8: a wrong date is worse
than none). Found in dev documents: `1 April 2017 – 31 March 2018` was a point in time on its first day,
`2017/18 Q1 Performance` the whole financial year."""

from __future__ import annotations

from datetime import date

import pytest

from extract.read.periods import parse_period


@pytest.mark.parametrize(
    ("label", "kwargs", "ptype", "start", "end"),
    [
        ("1 April 2017 – 31 March 2018", {}, "financial_year", date(2017, 4, 1), date(2018, 3, 31)),
        ("1st April 2016 - 31st March 2017", {}, "financial_year", date(2016, 4, 1), date(2017, 3, 31)),
        ("1 September 2022 to 31 August 2023", {}, "academic_year", date(2022, 9, 1), date(2023, 8, 31)),
        ("1 April to 30 June 2017", {}, "quarter", date(2017, 4, 1), date(2017, 6, 30)),
        ("1 October 2022 – 30 September 2023", {}, "rolling_12_months", date(2022, 10, 1), date(2023, 9, 30)),
        ("1 November – 31 January 2024", {}, "quarter", date(2023, 11, 1), date(2024, 1, 31)),
        # days that are not whole months: a dated span, its type not guessed
        ("1 April 2017 – 30 September 2017", {}, "unknown", date(2017, 4, 1), date(2017, 9, 30)),
        ("5 April 2017 - 4 April 2018", {}, "unknown", date(2017, 4, 5), date(2018, 4, 4)),
        # the quarter printed after its year is that quarter
        ("2017/18 Q1 Performance", {}, "quarter", date(2017, 4, 1), date(2017, 6, 30)),
        ("2017/18 Q1 Target", {}, "quarter", date(2017, 4, 1), date(2017, 6, 30)),
        ("2023-24 Quarter 3", {}, "quarter", date(2023, 10, 1), date(2023, 12, 31)),
        ("2023/24, Q4", {}, "quarter", date(2024, 1, 1), date(2024, 3, 31)),
        # unchanged: the year after the quarter, a single day, the report's year for a bare quarter
        ("Q1 2016/17", {}, "quarter", date(2016, 4, 1), date(2016, 6, 30)),
        ("30 September 2023", {}, "point_in_time", None, date(2023, 9, 30)),
        ("Q2", {"fy_end_year": 2024}, "quarter", date(2023, 7, 1), date(2023, 9, 30)),
    ],
)
def test_ranges_and_quarters(label, kwargs, ptype, start, end):
    period = parse_period(label, **kwargs)
    assert (period.type, period.start, period.end) == (ptype, start, end)
    assert period.label == label


def test_a_number_before_a_quarter_that_is_no_year_span_leaves_the_report_year():
    assert parse_period("06/17 Q2", fy_end_year=2024).end == date(2023, 9, 30)


def test_a_backwards_day_range_is_not_a_span():
    assert parse_period("31 March 2018 – 1 April 2017").start is None


def test_a_date_that_ends_a_span_is_not_the_report_date():
    from extract.tidy.councils import report_date_in

    head = "LSCB Performance Report 2017/18\nContacts 1 April 2016 – 31 March 2017: 9,861\nBoard meeting 12 June 2018"
    assert report_date_in(head) == date(2018, 6, 12)
    assert report_date_in("Figures for 1 April 2016 to 31 March 2017") is None
    assert report_date_in("Cabinet, 31 March 2017") == date(2017, 3, 31)


def test_a_span_whose_end_wraps_onto_another_line_is_not_the_report_date():
    from extract.tidy.councils import report_date_in

    assert report_date_in("1 April 2016 – 31\n9,861\t2,219\nMarch 2017") is None
    assert report_date_in("Meeting 12 June 2018 - 10:00\nAgenda") == date(2018, 6, 12)
    assert report_date_in("Cabinet 12 June 2018 – 2\nAgenda item") == date(2018, 6, 12)  # a page number


def test_the_decimals_of_a_number_are_no_day():
    from extract.tidy.councils import report_date_in

    assert report_date_in("9,645\t232.9\t1,580\t381.5\nMarch 2018\nContacts") is None
