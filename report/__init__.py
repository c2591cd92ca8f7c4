# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import job_coaching_activity_report
from . import report_job_coaching_activity
