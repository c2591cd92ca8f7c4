from . import (
    job_coaching_beneficiary,
    job_coaching_referral_channel,
    job_coaching_stage,
    job_coaching_zone,
    job_coaching_zone_street,
    res_partner,
)

# employment
from . import (
    job_coaching_application,
    job_coaching_art60_contract,
    job_coaching_art60_duration_rule,
    job_coaching_art60_evaluation,
    job_coaching_art60_evaluation_line,
    job_coaching_beneficiary_employment,
    job_coaching_evaluation_criterion,
    job_coaching_exit,
    job_coaching_exit_followup,
    job_coaching_vacancy,
)
