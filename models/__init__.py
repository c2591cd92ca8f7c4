from . import job_coaching_record
from . import job_coaching_input_guard
from . import job_coaching_period
from . import job_coaching_zone
from . import job_coaching_zone_street
from . import job_coaching_stage
from . import job_coaching_referral_channel
from . import job_coaching_referral_destination
from . import res_partner
from . import job_coaching_team_thread
from . import job_coaching_file_record
from . import job_coaching_file_entry
from . import job_coaching_beneficiary
from . import job_coaching_beneficiary_contact
from . import job_coaching_beneficiary_eligibility
from . import job_coaching_beneficiary_register_number
from . import job_coaching_beneficiary_phone
from . import job_coaching_beneficiary_history
from . import job_coaching_beneficiary_import
from . import job_coaching_situation
from . import job_coaching_beneficiary_situation

# employment
from . import job_coaching_vacancy
from . import job_coaching_application
from . import job_coaching_art60_duration_rule
from . import job_coaching_art60_contract
from . import job_coaching_art60_contract_duration
from . import job_coaching_evaluation_criterion
from . import job_coaching_art60_evaluation
from . import job_coaching_art60_evaluation_line
from . import job_coaching_exit
from . import job_coaching_exit_followup
from . import job_coaching_beneficiary_employment

# accompaniment
from . import job_coaching_session
from . import job_coaching_social_note
from . import job_coaching_office_hours
from . import job_coaching_office_hours_visit
from . import job_coaching_outreach_presence
from . import job_coaching_insertion_plan
from . import job_coaching_plan_entry
from . import job_coaching_plan_review
from . import job_coaching_plan_action
from . import job_coaching_workshop
from . import job_coaching_workshop_registration
from . import job_coaching_beneficiary_accompaniment

# subsidy
from . import account_analytic_line
from . import job_coaching_subsidy
from . import job_coaching_subsidy_justification
from . import job_coaching_subsidy_line
from . import job_coaching_staff_allocation
from . import job_coaching_staff_cost_posting
from . import job_coaching_payroll_line

# data protection
from . import job_coaching_erasure_log
from . import job_coaching_access_log
from . import job_coaching_consent
from . import job_coaching_beneficiary_consent
from . import job_coaching_beneficiary_erasure
from . import job_coaching_beneficiary_access_request
from . import job_coaching_beneficiary_reminder
from . import job_coaching_session_reminder
from . import ir_actions_report
from . import res_config_settings

# reporting
from . import job_coaching_partner_feedback
from . import job_coaching_target
from . import job_coaching_activity_note
from . import report_job_coaching_beneficiary_file
from . import report_job_coaching_art60_evaluation
