from . import test_access_matrix
from . import test_access_rights
from . import test_beneficiary_intake
from . import test_beneficiary_problems
from . import test_button_verbs
from . import test_translations
from . import test_caseload_import
from . import test_concurrency
from . import test_duplicates
from . import test_eligibility
from . import test_hostile_input
from . import test_load_mix_queries
from . import test_performance
from . import test_rpc_import
from . import test_ui
from . import test_residence_history
from . import test_zone_matching

# employment
from . import test_art60_contract
from . import test_cpas_status
from . import test_employment_access
from . import test_employment_tour
from . import test_exit_followup
from . import test_vacancy_matching

# accompaniment
from . import test_accompaniment_ui
from . import test_insertion_plan
from . import test_office_hours
from . import test_outreach_presence
from . import test_session
from . import test_session_letter
from . import test_social_note
from . import test_workshop

# subsidy
from . import test_payroll_file
from . import test_staff_allocation
from . import test_subsidy_access
from . import test_subsidy_accounting
from . import test_subsidy_approval
from . import test_subsidy_budget
from . import test_subsidy_cost_wizard
from . import test_subsidy_report
from . import test_subsidy_rpc
from . import test_subsidy_ui
from . import test_subsidy_unbudgeted

# data protection
from . import test_multi_company
from . import test_side_doors
from . import test_erasure
from . import test_person_rights

# reporting
from . import test_activity_report
from . import test_funder_report
from . import test_funder_report_rpc
from . import test_reporting_targets
from . import test_reporting_xlsx
from . import test_reporting_documents
from . import test_reporting_ui
from . import test_report_text_layer
from . import test_secrecy

# platform
from . import test_crons
from . import test_platform
from . import test_readme_claims
from . import test_period
from . import test_workbook_routes
