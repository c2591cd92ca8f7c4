from . import (
    job_coaching_beneficiary,
    job_coaching_referral_channel,
    job_coaching_stage,
    job_coaching_zone,
    job_coaching_zone_street,
    res_partner,
)

# Subsidy
from . import (
    account_analytic_line,
    job_coaching_staff_allocation,
    job_coaching_staff_cost_posting,
    job_coaching_subsidy,
    job_coaching_subsidy_line,
)
