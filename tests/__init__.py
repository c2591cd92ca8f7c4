from . import (
    test_access_rights,
    test_beneficiary_intake,
    test_duplicates,
    test_eligibility,
    test_rpc_import,
    test_ui,
    test_zone_matching,
)

# Subsidy
from . import (
    test_staff_allocation,
    test_subsidy_access,
    test_subsidy_approval,
    test_subsidy_budget,
    test_subsidy_report,
    test_subsidy_rpc,
    test_subsidy_ui,
)
