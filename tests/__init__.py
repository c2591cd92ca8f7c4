from . import (
    test_access_rights,
    test_beneficiary_intake,
    test_duplicates,
    test_eligibility,
    test_rpc_import,
    test_ui,
    test_zone_matching,
)

# employment
from . import (
    test_art60_contract,
    test_employment_access,
    test_employment_tour,
    test_exit_followup,
    test_vacancy_matching,
)
