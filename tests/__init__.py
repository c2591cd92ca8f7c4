from . import (
    test_access_rights,
    test_beneficiary_intake,
    test_duplicates,
    test_eligibility,
    test_rpc_import,
    test_ui,
    test_zone_matching,
)

# Accompaniment
from . import (
    test_accompaniment_ui,
    test_insertion_plan,
    test_office_hours,
    test_session,
    test_social_note,
    test_workshop,
)
