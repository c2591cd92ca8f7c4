from . import job_coaching_input_guard
from . import job_coaching_zone
from . import job_coaching_zone_street
from . import job_coaching_stage
from . import job_coaching_referral_channel
from . import res_partner
from . import job_coaching_beneficiary
