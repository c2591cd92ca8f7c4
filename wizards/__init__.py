from . import job_coaching_candidate_match
from . import job_coaching_candidate_match_line
from . import job_coaching_office_hours_generate
from . import job_coaching_staff_cost_wizard
from . import job_coaching_subsidy_cost_wizard

# data protection
from . import job_coaching_erasure_wizard

# reporting
from . import job_coaching_activity_report_wizard
from . import mail_compose_message
