from . import job_coaching_staff_cost_wizard
