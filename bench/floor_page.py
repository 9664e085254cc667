"""The page floor: a bare Streamlit page drawing one cached Plotly chart (what any page costs at least)."""

import plotly.graph_objects as go
import streamlit as st


@st.cache_data(show_spinner=False)
def figure(n: int) -> go.Figure:
    fig = go.Figure(go.Bar(x=[f"เป้าประสงค์ที่ {i}" for i in range(1, n + 1)], y=list(range(10, 10 * n + 1, 10))))
    fig.update_layout(height=320, margin={"t": 20, "b": 20})
    return fig


st.title("floor")
st.plotly_chart(figure(5), config={"displayModeBar": False})
