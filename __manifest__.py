# Copyright 2026 CPAS de Jette
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Job Coaching",
    "summary": "Accompany job seekers of a neighbourhood contract zone into work "
    "and justify the subsidy",
    "version": "18.0.2.0.0",
    "category": "Human Resources/Job Coaching",
    "website": "https://github.com/cpas-jette/job_coaching",
    "author": "CPAS de Jette",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "mail",
        "hr",
        "calendar",
        "analytic",
        "phone_validation",
    ],
    "external_dependencies": {
        "python": ["phonenumbers", "python-stdnum"],
    },
    "data": [
        "security/job_coaching_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/job_coaching_stage_data.xml",
        "data/job_coaching_referral_channel_data.xml",
        "data/job_coaching_zone_data.xml",
        "views/job_coaching_zone_views.xml",
        "views/job_coaching_stage_views.xml",
        "views/job_coaching_referral_channel_views.xml",
        "views/job_coaching_beneficiary_views.xml",
        "views/res_partner_views.xml",
        # employment
        "data/job_coaching_art60_duration_rule_data.xml",
        "data/job_coaching_evaluation_criterion_data.xml",
        "data/job_coaching_exit_data.xml",
        "views/job_coaching_vacancy_views.xml",
        "views/job_coaching_application_views.xml",
        "views/job_coaching_candidate_match_views.xml",
        "views/job_coaching_art60_contract_views.xml",
        "views/job_coaching_art60_evaluation_views.xml",
        "views/job_coaching_art60_duration_rule_views.xml",
        "views/job_coaching_evaluation_criterion_views.xml",
        "views/job_coaching_exit_views.xml",
        # accompaniment
        "views/job_coaching_session_views.xml",
        "views/job_coaching_office_hours_views.xml",
        "views/job_coaching_insertion_plan_views.xml",
        "views/job_coaching_workshop_views.xml",
        "wizards/job_coaching_office_hours_generate_views.xml",
        "data/job_coaching_session_reminder_data.xml",
        "report/session_letter_reports.xml",
        "report/session_letter_templates.xml",
        "views/job_coaching_session_letter_views.xml",
        # subsidy
        "data/job_coaching_subsidy_data.xml",
        "report/subsidy_reports.xml",
        "report/subsidy_templates.xml",
        "wizards/job_coaching_staff_cost_wizard_views.xml",
        "wizards/job_coaching_subsidy_cost_wizard_views.xml",
        "views/account_analytic_line_views.xml",
        "views/job_coaching_subsidy_views.xml",
        "views/job_coaching_subsidy_line_views.xml",
        "views/job_coaching_staff_allocation_views.xml",
        "views/job_coaching_payroll_line_views.xml",
        # data protection
        "data/job_coaching_retention_data.xml",
        "views/job_coaching_erasure_log_views.xml",
        "views/job_coaching_access_log_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/job_coaching_erasure_wizard_views.xml",
        "report/beneficiary_access_reports.xml",
        "report/beneficiary_access_templates.xml",
        # reporting
        "report/activity_reports.xml",
        "report/activity_templates.xml",
        "report/beneficiary_reports.xml",
        "report/beneficiary_templates.xml",
        "report/job_coaching_activity_report_views.xml",
        "views/job_coaching_target_views.xml",
        "views/job_coaching_partner_feedback_views.xml",
        "wizards/job_coaching_activity_report_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
        "demo/job_coaching_beneficiary_demo.xml",
        # employment
        "demo/job_coaching_employment_demo.xml",
        # accompaniment
        "demo/job_coaching_accompaniment_demo.xml",
        # subsidy
        "demo/job_coaching_subsidy_demo.xml",
        # data protection
        "demo/job_coaching_consent_demo.xml",
        # reporting
        "demo/job_coaching_reporting_people_demo.xml",
        "demo/job_coaching_reporting_demo.xml",
    ],
    "assets": {
        "web.report_assets_common": [
            "job_coaching/static/src/scss/report.scss",
        ],
        "web.assets_tests": [
            "job_coaching/static/tests/tours/*.js",
        ],
    },
}
