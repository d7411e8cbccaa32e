"""Apple Inc., Form 10-K for fiscal 2023 (US$ millions): a real company's published figures,
for the ratio and capacity tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from vipdesk.core.ratios import CompanyPeriod

D = Decimal

# Balance sheet at 30 Sep 2023; income statement and cash flow for FY2023 (a 53-week year, taken
# as 12 months). Mapping onto our fields:
# - receivables = trade accounts receivable 29,508 only. Vendor non-trade receivables (31,477,
#   owed by Apple's suppliers) and current marketable securities (31,590) go to "other current
#   assets" with the reported 14,695: other = 77,762. So the quick ratio is (cash + trade
#   receivables) ÷ CL as FINANCE.md defines it, and DSO measures customers, not suppliers.
#   Current assets still add up to the reported 143,566.
# - short-term debt = commercial paper 5,985 + term debt current 9,822 = 15,807.
# - EBITDA = operating income 114,301 + depreciation and amortisation 11,519 = 125,820, so that
#   EBIT = EBITDA − depreciation is the reported operating income.
# - scheduled principal = term debt current 9,822 (maturities of the next 12 months); the
#   commercial paper is assumed to be rolled over.
# - capex = payments for property, plant and equipment 10,959, entered as a positive outflow.
# - Apple's income statement has no interest expense line; 3,933 is the FY2023 interest expense
#   Apple reports in its XBRL data and data vendors publish.
APPLE_FY2023 = CompanyPeriod(
    "FY2023",
    date(2023, 9, 30),
    cash=D(29965),
    receivables=D(29508),
    inventory=D(6331),
    other_current_assets=D(31590 + 31477 + 14695),
    fixed_assets=D(43715),
    current_liabilities=D(145308),
    short_term_debt=D(5985 + 9822),
    long_term_debt=D(95281),
    equity=D(62146),
    revenue=D(383285),
    cost_of_sales=D(214137),
    operating_expenses=D(54847),  # R&D 29,915 + SG&A 24,932
    ebitda=D(114301 + 11519),
    depreciation=D(11519),
    interest=D(3933),
    taxes=D(16741),
    net_income=D(96995),
    capex=D(10959),
    scheduled_principal=D(9822),
)

# Balance sheet at 24 Sep 2022 (FY2023 10-K comparative column), for the change in working
# capital: cash 23,646; marketable securities 24,658; trade receivables 28,184; vendor non-trade
# receivables 32,748; inventories 4,946; other current assets 21,223 (total 135,405); total
# current liabilities 153,982.
APPLE_FY2022 = CompanyPeriod(
    "FY2022",
    date(2022, 9, 24),
    cash=D(23646),
    receivables=D(28184),
    inventory=D(4946),
    other_current_assets=D(24658 + 32748 + 21223),
    current_liabilities=D(153982),
)
