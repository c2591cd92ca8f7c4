from . import (
    test_access_rights,
    test_beneficiary_intake,
    test_duplicates,
    test_eligibility,
    test_rpc_import,
    test_ui,
    test_zone_matching,
)
