from . import (
    job_coaching_beneficiary,
    job_coaching_referral_channel,
    job_coaching_stage,
    job_coaching_zone,
    job_coaching_zone_street,
    res_partner,
)

# Accompaniment
from . import (
    job_coaching_session,
    job_coaching_social_note,
    job_coaching_office_hours,
    job_coaching_office_hours_visit,
    job_coaching_insertion_plan,
    job_coaching_plan_review,
    job_coaching_plan_action,
    job_coaching_workshop,
    job_coaching_workshop_registration,
)
