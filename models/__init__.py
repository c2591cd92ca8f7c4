from . import (
    job_coaching_beneficiary,
    job_coaching_referral_channel,
    job_coaching_stage,
    job_coaching_zone,
    job_coaching_zone_street,
    res_partner,
)
