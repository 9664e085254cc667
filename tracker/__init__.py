"""Performance tracker for Thai local government plans (แผนพัฒนาท้องถิ่น).

The package holds everything that is not a page: the plan as data, periods, the SQLite store,
import, the calculation method, charts, reports and sign-in. Only ``tracker.ui`` imports Streamlit.
"""

__version__ = "0.1.0"
