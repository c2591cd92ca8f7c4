from . import main
from . import job_coaching_access_request
